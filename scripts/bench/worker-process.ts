// The job worker as its own process, run as production runs it (the bundle of scripts/worker.ts with plain
// node: scripts/lib/worker-build.ts), so that its resident memory is its own and measurable.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { ensureWorkerBuild } from "../lib/worker-build";

export interface WorkerProcess {
  pid: number;
  /** Peak resident set size since the process started (Linux VmHWM), in bytes. */
  peakRssBytes(): number;
  /** Settles when the process has ended: its exit code, or the signal that ended it. */
  exited: Promise<WorkerExit>;
  /** Sends a signal without waiting (the reliability drills kill -9 or SIGTERM it mid-burst). */
  kill(signal: NodeJS.Signals): void;
  stop(): Promise<void>;
}

export interface WorkerExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

// scripts/worker.ts logs this (pino JSON when not on a terminal) once it takes work.
const STARTED_LINE = '"msg":"worker started"';

export async function startWorkerProcess(env: Record<string, string>): Promise<WorkerProcess> {
  const child = spawn(process.execPath, [await ensureWorkerBuild()], {
    // WORKER_PORT 0: its health server on a free port, beside any other worker of this machine.
    env: { ...process.env, WORKER_PORT: "0", ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const exited = new Promise<WorkerExit>((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  await new Promise<void>((resolve, reject) => {
    let output = "";
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(STARTED_LINE)) {
        child.stdout!.off("data", onData);
        child.stdout!.resume();
        resolve();
      }
    };
    child.stdout!.on("data", onData);
    child.once("exit", (code) => reject(new Error(`the worker exited (${code}) before it started:\n${output}`)));
  });
  return {
    pid: child.pid!,
    peakRssBytes: () => statusKilobytes(child.pid!, "VmHWM") * 1024,
    exited,
    kill: (signal) => child.kill(signal),
    stop: async () => {
      child.kill("SIGTERM");
      await exited;
    },
  };
}

function statusKilobytes(pid: number, field: string): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status);
  if (!match) throw new Error(`/proc/${pid}/status has no ${field}`);
  return Number(match[1]);
}
