// The drill's own PostgreSQL (postgres-host.ts in a child process) on a free loopback port under .data/, which
// PostgreSQL's own user can reach. stop() and start() keep the port, so every client reconnects to the same URL.
import { spawn } from "node:child_process";
import path from "node:path";
import readline from "node:readline";
import { freeLoopbackPort } from "@/lib/db/free-port";

export type PostgresProcess = Awaited<ReturnType<typeof startPostgresProcess>>;

export async function startPostgresProcess(name: string) {
  const dir = path.join(process.cwd(), ".data", `drill-pg-${name}-${process.pid}`);
  const port = await freeLoopbackPort();
  const child = spawn(process.execPath, ["--import", "tsx", path.join("tests", "drills", "support", "postgres-host.ts"), dir, String(port)], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const events = readline.createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const nextEvent = async (expected: string) => {
    const line = await Promise.race([events.next(), exited.then((code) => ({ done: true as const, value: `exited with ${code}` }))]);
    const event = line.done ? { event: String(line.value) } : (JSON.parse(line.value) as { event: string; serverUrl?: string });
    if (event.event !== expected) throw new Error(`drill PostgreSQL: expected "${expected}", got ${JSON.stringify(event)}`);
    return event;
  };
  const { serverUrl } = await nextEvent("started");
  return {
    urlFor: (database: string) => `${serverUrl}/${database}`,
    async stop() {
      child.stdin.write("stop\n");
      await nextEvent("stopped");
    },
    async start() {
      child.stdin.write("start\n");
      await nextEvent("started");
    },
    /** Stops the cluster and deletes its directory. */
    async close() {
      child.stdin.end();
      await exited;
    },
  };
}
