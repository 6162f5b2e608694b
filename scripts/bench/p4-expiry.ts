// P4: one run of the expiry (lib/subscriptions/expire.ts, what the subscription-expiry job calls) at an
// instant past every generated subscription's validity, so that all of them expire and are audited. Beside
// the wall time, PostgreSQL's CPU for the run (its processes' own counters), which a loaded machine disturbs less.
import { performance } from "node:perf_hooks";
import { db } from "@/lib/db/client";
import { expireSubscriptions } from "@/lib/subscriptions/expire";
import { processTreeCpuMs } from "./cpu";
import type { LargeData } from "./large-data";
import type { BenchResults } from "./report";

export async function benchExpiry(options: { data: LargeData; results: BenchResults; postmasterPid: number | null }) {
  const expiry = await measureExpiry({ expected: options.data.subscriptions, postmasterPid: options.postmasterPid });
  options.results.detail("P4", expiry);
  options.results.add({
    id: "P4",
    what: `one expiry run over ${expiry.expired} subscriptions`,
    value: expiry.seconds,
    unit: "s",
    target: { limit: 10, kind: "max" },
  });
  if (expiry.postgresCpuSeconds !== null) options.results.note(`P4: PostgreSQL CPU for the run ${expiry.postgresCpuSeconds.toFixed(1)} s`);
}

async function measureExpiry(options: { expected: number; postmasterPid: number | null }) {
  const postgresCpuMs = () => (options.postmasterPid === null ? 0 : processTreeCpuMs(options.postmasterPid));
  const later = new Date(Date.now() + 2 * 366 * 86_400_000);
  const cpuBefore = postgresCpuMs();
  const start = performance.now();
  const expired = await expireSubscriptions({ db, now: later });
  const seconds = (performance.now() - start) / 1000;
  const postgresCpuSeconds = options.postmasterPid === null ? null : (postgresCpuMs() - cpuBefore) / 1000;
  if (expired < options.expected) throw new Error(`expected at least ${options.expected} subscriptions to expire, ${expired} did`);
  return { expired, seconds, postgresCpuSeconds };
}
