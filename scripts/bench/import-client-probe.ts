// The reference import client (lib/import-client) in the benchmark's process, with its own inbox, telling
// the benchmark the moment each file is durable (its onStored hook runs after the file and its folder are synced).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { startImportClient } from "@/lib/import-client/server";

export type ImportClientProbe = Awaited<ReturnType<typeof startImportClientProbe>>;

export async function startImportClientProbe(options: { platformPublicKey: string }) {
  const inbox = mkdtempSync(path.join(tmpdir(), "sw-bench-inbox-"));
  const storedAt = new Map<string, number[]>();
  let waiter: { emsNo: string; count: number; resolve: (at: number) => void } | undefined;

  const client = await startImportClient({
    port: 0,
    inbox,
    platformPublicKey: options.platformPublicKey,
    onStored: ({ emsNo, result }) => {
      if (result !== "stored") return;
      const times = storedAt.get(emsNo) ?? [];
      times.push(performance.now());
      storedAt.set(emsNo, times);
      if (waiter?.emsNo === emsNo && times.length >= waiter.count) waiter.resolve(times[waiter.count - 1]);
    },
  });

  return {
    url: client.url,
    storedCount: (emsNo: string) => storedAt.get(emsNo)?.length ?? 0,
    /** Resolves with the performance.now() at which the `count`-th new file of `emsNo` (counted from now) became durable. */
    nextFilesDurable(emsNo: string, count: number, timeoutMs: number): Promise<number> {
      const target = (storedAt.get(emsNo)?.length ?? 0) + count;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`only ${storedAt.get(emsNo)?.length ?? 0} of ${target} files of ${emsNo} arrived in ${timeoutMs} ms`)), timeoutMs);
        waiter = {
          emsNo,
          count: target,
          resolve: (at) => {
            clearTimeout(timer);
            waiter = undefined;
            resolve(at);
          },
        };
      });
    },
    async close() {
      await client.close();
      rmSync(inbox, { recursive: true, force: true });
    },
  };
}
