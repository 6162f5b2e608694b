// The reference import client (lib/import-client) in its own process (import-client-process.ts), with its
// own inbox, telling the benchmark the moment each file is durable (its onStored hook runs after the file
// and its folder are synced). Its own process, so that its CPU is counted apart from the benchmark's.
import { fork } from "node:child_process";
import path from "node:path";
import { performance } from "node:perf_hooks";
import type { ProbeMessage } from "./import-client-process";

export type ImportClientProbe = Awaited<ReturnType<typeof startImportClientProbe>>;

export async function startImportClientProbe(options: { platformPublicKey: string }) {
  const child = fork(path.join("scripts", "bench", "import-client-process.ts"), [], {
    execArgv: ["--import", "tsx"],
    env: { ...process.env, PLATFORM_PUBLIC_KEY: options.platformPublicKey },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const storedAt = new Map<string, number[]>();
  let waiter: { emsNo: string; count: number; resolve: (at: number) => void } | undefined;

  const listening = await new Promise<Extract<ProbeMessage, { type: "listening" }>>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`the import client exited (${code}) before it listened`)));
    child.on("message", (message: ProbeMessage) => {
      if (message.type === "listening") return resolve(message);
      for (const [emsNo, at] of message.files) {
        const times = storedAt.get(emsNo) ?? [];
        times.push(at - performance.timeOrigin); // the child's absolute time on this process's performance clock
        storedAt.set(emsNo, times);
        if (waiter?.emsNo === emsNo && times.length >= waiter.count) waiter.resolve(times[waiter.count - 1]);
      }
    });
  });

  return {
    url: listening.url,
    pid: child.pid!,
    verifyThreads: listening.verifyThreads,
    storedCount: (emsNo: string) => storedAt.get(emsNo)?.length ?? 0,
    /** Resolves with the performance.now() at which the `count`-th new file of `emsNo` (counted from now) became durable. */
    nextFilesDurable(emsNo: string, count: number, timeoutMs: number): Promise<number> {
      const target = (storedAt.get(emsNo)?.length ?? 0) + count;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`only ${storedAt.get(emsNo)?.length ?? 0} of ${target} files of ${emsNo} arrived in ${timeoutMs} ms`)),
          timeoutMs,
        );
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
      if (child.exitCode === null) child.send({ type: "close" });
      await exited;
    },
  };
}
