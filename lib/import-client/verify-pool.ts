// Platform signatures verified on worker threads: the curve arithmetic of one SM2 verification (≈ 0.6 ms) is
// most of the client's CPU per message, so with N threads N messages verify at once while the event loop
// reads bodies and writes files. The main thread computes e = SM3(Z ‖ canonical string) natively (the body
// stays here) and sends a thread only e and the signature.
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { createPlatformDigester, isSignatureHex, type PlatformSignatureHeaders } from "@/lib/signing/platform";

export type AsyncPlatformVerifier = (options: PlatformSignatureHeaders & { body: Uint8Array | string }) => Promise<boolean>;

/** `--verify-threads` by default: two threads where there are two cores, fewer on one. */
export const defaultVerifyThreads = () => Math.min(2, availableParallelism());

const THREAD_FILE = new URL("./verify-thread.mjs", import.meta.url);
// The standalone build (scripts/lib/import-client-build.ts) carries the thread's code inside its one file.
declare const __VERIFY_THREAD_SOURCE__: string | undefined;
const threadSource = typeof __VERIFY_THREAD_SOURCE__ === "string" ? __VERIFY_THREAD_SOURCE__ : null;

interface Thread {
  worker: Worker;
  pending: Map<number, { resolve: (valid: boolean) => void; reject: (error: Error) => void }>;
}

export function createThreadedVerifier(publicKeyHex: string, threads: number): { verify: AsyncPlatformVerifier; close: () => Promise<void> } {
  if (!Number.isSafeInteger(threads) || threads < 1) throw new Error(`verify threads must be a positive whole number, got ${threads}`);
  const digestOf = createPlatformDigester(publicKeyHex);
  let nextId = 0;
  let closed = false;

  const start = (): Thread => {
    const thread: Thread = {
      worker: new Worker(threadSource ?? THREAD_FILE, { eval: threadSource !== null, workerData: { publicKey: publicKeyHex } }),
      pending: new Map(),
    };
    thread.worker.unref(); // an open HTTP request keeps the process alive, not an idle thread
    thread.worker.on("message", ({ id, valid }: { id: number; valid: boolean }) => {
      thread.pending.get(id)?.resolve(valid);
      thread.pending.delete(id);
    });
    // A thread that dies fails its own verifications (the platform retries those) and is replaced.
    const fail = (error: Error) => {
      for (const { reject } of thread.pending.values()) reject(error);
      thread.pending.clear();
      const index = pool.indexOf(thread);
      if (!closed && index >= 0) pool[index] = start();
    };
    thread.worker.on("error", fail);
    thread.worker.on("exit", (code) => fail(new Error(`verification thread exited (${code})`)));
    return thread;
  };
  const pool = Array.from({ length: threads }, start);

  return {
    verify: async ({ signature, ...rest }) => {
      const digest = isSignatureHex(signature) ? digestOf(rest) : null;
      if (digest === null) return false;
      const thread = pool.reduce((least, t) => (t.pending.size < least.pending.size ? t : least));
      const id = nextId++;
      return new Promise<boolean>((resolve, reject) => {
        thread.pending.set(id, { resolve, reject });
        thread.worker.postMessage({ id, digest, signature });
      });
    },
    close: async () => {
      closed = true;
      await Promise.all(pool.map((thread) => thread.worker.terminate()));
    },
  };
}
