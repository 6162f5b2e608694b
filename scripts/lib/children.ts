// Runs several child processes as one: Ctrl-C or SIGTERM is passed to each, and they are given time to
// finish running work; if one dies on its own, the others are stopped too.
import { spawn, type ChildProcess } from "node:child_process";

export interface ChildSpec {
  name: string;
  command: string;
  args: string[];
  env?: Record<string, string>;
}

export function runTogether(specs: ChildSpec[], onAllStopped: (code: number) => Promise<void>, graceMs = 35_000) {
  const children = new Map<string, ChildProcess>();
  let stopping = false;
  let exitCode = 0;

  const stopAll = (signal: NodeJS.Signals = "SIGTERM") => {
    if (stopping) return;
    stopping = true;
    for (const child of children.values()) child.kill(signal);
    setTimeout(() => children.forEach((c) => c.kill("SIGKILL")), graceMs).unref();
  };

  for (const spec of specs) {
    const child = spawn(spec.command, spec.args, { stdio: "inherit", env: { ...process.env, ...spec.env } });
    children.set(spec.name, child);
    child.on("exit", async (code, signal) => {
      children.delete(spec.name);
      if (!stopping) {
        console.error(`[start] ${spec.name} exited (${signal ?? code}); stopping the others`);
        exitCode = code || 1;
        stopAll();
      }
      if (children.size === 0) {
        await onAllStopped(exitCode);
        process.exit(exitCode);
      }
    });
  }
  process.on("SIGINT", () => stopAll("SIGTERM"));
  process.on("SIGTERM", () => stopAll("SIGTERM"));
}
