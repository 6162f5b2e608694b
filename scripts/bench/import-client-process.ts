// The benchmark's reference import client as its own process (started by import-client-probe.ts), so that
// its CPU counters are its own. It verifies on the CLI's default number of threads and reports each durable
// file to the parent as (folder, absolute time), batched so the reporting costs the client next to nothing.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { startImportClient } from "@/lib/import-client/server";
import { defaultVerifyThreads } from "@/lib/import-client/verify-pool";

export type ProbeMessage = { type: "listening"; url: string; verifyThreads: number } | { type: "stored"; files: [emsNo: string, at: number][] };

const send = (message: ProbeMessage) => process.send!(message);

async function main() {
  const inbox = mkdtempSync(path.join(tmpdir(), "sw-bench-inbox-"));
  let batch: [string, number][] = [];
  const verifyThreads = defaultVerifyThreads();
  const client = await startImportClient({
    port: 0,
    inbox,
    platformPublicKey: process.env.PLATFORM_PUBLIC_KEY,
    verifyThreads,
    onStored: ({ emsNo, result }) => {
      if (result !== "stored") return;
      if (batch.length === 0) {
        setTimeout(() => {
          send({ type: "stored", files: batch });
          batch = [];
        }, 5);
      }
      batch.push([emsNo, performance.timeOrigin + performance.now()]);
    },
  });
  const stop = async () => {
    await client.close();
    rmSync(inbox, { recursive: true, force: true });
    process.exit(0);
  };
  process.on("message", (message: { type?: string }) => {
    if (message.type === "close") void stop();
  });
  process.once("disconnect", () => void stop());
  send({ type: "listening", url: client.url, verifyThreads });
}

main().catch((error) => {
  console.error("[bench] import client failed:", error);
  process.exit(1);
});
