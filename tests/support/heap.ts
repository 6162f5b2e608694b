// Retained heap for memory tests: V8's garbage collector made callable (as --expose-gc would), so that a
// measurement counts what is still referenced, not garbage that has not been collected yet.
import v8 from "node:v8";
import vm from "node:vm";

v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;

/** Heap in use after a full collection, with the buffers it holds (chunks of a stream are ArrayBuffers). */
export function retainedHeapBytes(): number {
  gc();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

/** The peak of retainedHeapBytes() while `work` runs, sampled on a timer so that it also sees inside awaits. */
export async function peakRetainedDuring<T>(work: () => Promise<T>, everyMs = 250): Promise<{ result: T; growth: number }> {
  const baseline = retainedHeapBytes();
  let peak = baseline;
  const timer = setInterval(() => (peak = Math.max(peak, retainedHeapBytes())), everyMs);
  try {
    const result = await work();
    peak = Math.max(peak, retainedHeapBytes());
    return { result, growth: peak - baseline };
  } finally {
    clearInterval(timer);
  }
}
