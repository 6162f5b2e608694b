// One drill's processes, all on loopback: its own PostgreSQL (stoppable), the reference import client and the
// job worker as processes of their own (restartable), an enterprise whose import client points at that client,
// and the drill's clock. The test process itself only stores the burst and reads the outcome.
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { sm2KeyPair } from "@/lib/crypto/sm2";
import { db } from "@/lib/db/client";
import { freeLoopbackPort } from "@/lib/db/free-port";
import { prepareDatabase } from "@/lib/db/prepare";
import { stopSender } from "@/lib/jobs/send";
import { createBenchEnterprise } from "../../../scripts/bench/fixtures";
import { startWorkerProcess, type WorkerProcess } from "../../../scripts/bench/worker-process";
import { storeBurst } from "./burst";
import { DRILL } from "./drill-size";
import { startImportClientProcess } from "./import-client-process";
import { deliveredCount, readOutcome } from "./outcome";
import { pollUntil } from "./poll";
import { startPostgresProcess } from "./postgres-process";

export type DrillEnvironment = Awaited<ReturnType<typeof startDrillEnvironment>>;

export async function startDrillEnvironment(name: string) {
  const started = performance.now();
  const postgres = await startPostgresProcess(name);
  const databaseUrl = postgres.urlFor("sw_drill");
  await prepareDatabase(databaseUrl);
  process.env.DATABASE_URL = databaseUrl;
  const platformKey = sm2KeyPair();
  const client = await startImportClientProcess({ platformPublicKey: platformKey.publicKey });
  const fixture = await createBenchEnterprise({ code: 1, endpointUrl: client.url });
  const workerPort = await freeLoopbackPort();
  const workerEnv = {
    DATABASE_URL: databaseUrl,
    PLATFORM_SM2_PRIVATE_KEY: platformKey.privateKey,
    WORKER_PORT: String(workerPort),
    DELIVERY_RETRY_SCHEDULE: DRILL.retrySchedule,
    // The drills test the retry chain: a client failing a burst's worth of times in a row would otherwise be
    // paused (100 failures), its messages waiting for the enterprise to resume it (tests/integration/import-clients).
    CLIENT_PAUSE_AFTER_HOURS: "0",
  };
  const workers: WorkerProcess[] = [];
  let emsNo = "";
  const seconds = () => Number(((performance.now() - started) / 1000).toFixed(1));

  return {
    postgres,
    databaseUrl,
    platformKey,
    client,
    fixture,
    workerUrl: `http://127.0.0.1:${workerPort}`,
    /** Seconds since the environment started, for the drill's timeline. */
    seconds,
    async startWorker(): Promise<WorkerProcess> {
      const worker = await startWorkerProcess(workerEnv);
      workers.push(worker);
      return worker;
    },
    async storeBurst() {
      const burst = await storeBurst({ fixture, count: DRILL.messages });
      emsNo = burst.emsNo;
      return burst;
    },
    delivered: () => deliveredCount(fixture.client.id),
    /** Files in the burst manual's folder of the inbox: each one complete and durable (lib/import-client/inbox.ts). */
    filesStored: () => {
      const folder = path.join(client.inbox, emsNo);
      return existsSync(folder) ? readdirSync(folder).length : 0;
    },
    /** Waits until `count` messages are 下发成功 (a database down in between counts as "not yet"). */
    waitDelivered: (count: number, timeoutMs: number) =>
      pollUntil(
        `${count} messages 下发成功`,
        () => deliveredCount(fixture.client.id),
        (n) => n >= count,
        timeoutMs,
      ),
    outcome: () => readOutcome({ importClientId: fixture.client.id, emsNo, inbox: client.inbox }),
    async close() {
      for (const worker of workers) await worker.stop();
      await client.close();
      await stopSender();
      await db.$disconnect();
      await postgres.close();
    },
  };
}
