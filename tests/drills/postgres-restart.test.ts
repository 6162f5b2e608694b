// Drill 3 (issue 9): PostgreSQL stops in the middle of a burst and starts again. Neither the web app (`next
// start` of the production build) nor the worker is restarted: both report unready while the database is away,
// ready again once it is back, and serve and deliver as before — nothing lost.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect, test } from "vitest";
import { db } from "@/lib/db/client";
import { registerUpstreamSystem } from "@/lib/ingestion/upstream-token";
import { pruneSignInThrottleJob } from "@/lib/jobs/definitions/prune-sign-in-throttle";
import { sendJob } from "@/lib/jobs/send";
import { jobState } from "../support/job-state";
import { DRILL, DRILL_TIMEOUT_MS } from "./support/drill-size";
import { deliveredOnceEach } from "./support/outcome";
import { startDrillEnvironment, type DrillEnvironment } from "./support/drill-environment";
import { get, pollUntil } from "./support/poll";
import { startWebProcess } from "./support/web-process";

let drill: DrillEnvironment;
let web: Awaited<ReturnType<typeof startWebProcess>>;

beforeAll(async () => {
  drill = await startDrillEnvironment("postgres-restart");
  web = await startWebProcess({ DATABASE_URL: drill.databaseUrl, PLATFORM_SM2_PRIVATE_KEY: drill.platformKey.privateKey });
}, 300_000);

afterAll(async () => {
  await web?.stop();
  await drill?.close();
});

/** A request that reads and writes the database as an upstream system does (R19): a new manual. */
function ingestManual(token: string, emsNo: string) {
  return fetch(`${web.url}/api/ingest/manuals`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({
      requestId: `drill-${randomUUID()}`,
      head: {
        emsNo,
        seqNo: "202500000000123456",
        bizopEtpsno: "3201931234",
        bizopEtpsNm: "演练经营企业",
        rcvgdEtpsno: "3201931234",
        rcvgdEtpsNm: "演练加工单位",
        masterCuscd: "3201",
        dclTypecd: "1",
        finishValidDate: "20281231",
        putrecApprTime: "2025-03-05 14:02:11",
      },
    }),
    signal: AbortSignal.timeout(30_000),
  });
}

const stillRunning = async (exited: Promise<unknown>) => await Promise.race([exited.then(() => false), Promise.resolve(true)]);

test(
  `a PostgreSQL restart during a burst of ${DRILL.messages} messages: web and worker recover by themselves, nothing lost`,
  async () => {
    const webReady = () => get(`${web.url}/api/ready`);
    const workerReady = () => get(`${drill.workerUrl}/ready`);
    const worker = await drill.startWorker();
    const { token } = await registerUpstreamSystem({ db, name: "演练上游系统" });
    expect((await webReady()).status).toBe(200);
    const burst = await drill.storeBurst();
    await drill.waitDelivered(Math.ceil(burst.count / 4), DRILL_TIMEOUT_MS);

    await drill.postgres.stop();
    const stoppedAt = drill.seconds();
    const webDown = await pollUntil("web /api/ready answers 503", webReady, (r) => r.status === 503, 30_000);
    expect(JSON.parse(webDown.body).checks.database).toMatch(/^failed/);
    await pollUntil("worker /ready answers 503", workerReady, (r) => r.status === 503, 30_000);
    expect((await get(`${web.url}/api/health`)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, DRILL.postgresOutageSeconds * 1000));

    await drill.postgres.start();
    const startedAt = drill.seconds();
    await pollUntil("web /api/ready answers 200 again", webReady, (r) => r.status === 200, 60_000);
    const webReadyAt = drill.seconds();
    await pollUntil("worker /ready answers 200 again", workerReady, (r) => r.status === 200, 60_000);
    const workerReadyAt = drill.seconds();
    // The burst spans the restart: messages were still waiting when the database came back.
    const deliveredAtRestart = await drill.delivered();
    expect(deliveredAtRestart).toBeLessThan(burst.count);
    const ingested = await ingestManual(token, "E90000000001");
    expect(ingested.status).toBe(201);
    expect(await db.manual.count({ where: { emsNo: "E90000000001" } })).toBe(1);
    // This process sent the burst's jobs before the restart; a job it sends after it, inside a transaction as the
    // web's actions send theirs (lib/jobs/send.ts), is taken and run by the worker.
    const jobAfterRestart = await db.$transaction((tx) => sendJob(pruneSignInThrottleJob, {}, { tx }));
    await pollUntil(
      "the job sent after the restart completed",
      () => jobState(db, jobAfterRestart),
      (state) => state === "completed",
      60_000,
    );
    const jobRunAt = drill.seconds();

    await drill.waitDelivered(burst.count, DRILL.recoverySeconds * 1000);
    const outcome = await drill.outcome();
    console.log(
      `[drill] postgres-restart ${JSON.stringify({
        mode: DRILL.mode,
        stoppedAt,
        startedAt,
        webReadyAt,
        workerReadyAt,
        deliveredAtRestart,
        jobRunAt,
        doneAt: drill.seconds(),
        ...outcome,
        answered: drill.client.answered,
      })}`,
    );

    // The same processes throughout.
    expect(web.exitCode()).toBeNull();
    expect(await stillRunning(worker.exited)).toBe(true);
    expect(outcome).toMatchObject(deliveredOnceEach(burst.count));
    expect(drill.client.answered.stored).toBe(burst.count);
  },
  DRILL_TIMEOUT_MS,
);
