// The reference import client as its own process (scripts/import-client.ts, as `npm run import-client` runs it)
// on a fixed loopback port and inbox, so that a drill can stop it and start it again where the worker expects it.
// Its stdout names every POST it answered: "stored …" the first time, "duplicate, kept …" for a repeated id.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import readline from "node:readline";
import { freeLoopbackPort } from "@/lib/db/free-port";

export type ImportClientProcess = Awaited<ReturnType<typeof startImportClientProcess>>;

export async function startImportClientProcess(options: { platformPublicKey: string }) {
  const inbox = mkdtempSync(path.join(tmpdir(), "sw-drill-inbox-"));
  const port = await freeLoopbackPort();
  /** Over every run of the process: POSTs answered by storing a file, and by finding it stored already. */
  const answered = { stored: 0, duplicate: 0 };
  let child: ChildProcess | undefined;
  let exited: Promise<number | null> = Promise.resolve(null);

  const start = async () => {
    const clientProcess = spawn(
      process.execPath,
      ["--import", "tsx", path.join("scripts", "import-client.ts"), "--port", String(port), "--inbox", inbox],
      {
        env: { ...process.env, PLATFORM_PUBLIC_KEY: options.platformPublicKey },
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    child = clientProcess;
    exited = new Promise((resolve) => clientProcess.once("exit", (code) => resolve(code)));
    await new Promise<void>((resolve, reject) => {
      clientProcess.once("exit", (code) => reject(new Error(`the import client exited (${code}) before it listened`)));
      readline.createInterface({ input: clientProcess.stdout! }).on("line", (line) => {
        if (line.startsWith("[import-client] listening")) resolve();
        else if (line.startsWith("[import-client] stored")) answered.stored++;
        else if (line.startsWith("[import-client] duplicate")) answered.duplicate++;
      });
    });
  };
  await start();

  return {
    url: `http://127.0.0.1:${port}/push`,
    inbox,
    answered,
    /** SIGTERM: the client closes its server and open connections and exits; the worker then meets a closed port. */
    async stop(): Promise<number | null> {
      child?.kill("SIGTERM");
      return exited;
    },
    start,
    async close() {
      await this.stop();
      rmSync(inbox, { recursive: true, force: true });
    },
  };
}
