// Drill 4 (issue 9): SIGTERM the worker in the middle of a burst. It stops fetching, lets the batches it holds
// finish and exits 0 within its grace period (30 s, scripts/worker.ts), leaving nothing half-written: no job
// still held, every attempt recorded whole. A worker started afterwards delivers the rest.
import { performance } from "node:perf_hooks";
import { afterAll, beforeAll, expect, test } from "vitest";
import { db } from "@/lib/db/client";
import { JOB_SCHEMA } from "@/lib/jobs/boss";
import { DRILL, DRILL_TIMEOUT_MS } from "./support/drill-size";
import { deliveredOnceEach } from "./support/outcome";
import { pollUntil } from "./support/poll";
import { startDrillEnvironment, type DrillEnvironment } from "./support/drill-environment";

const GRACE_SECONDS = 30;

let drill: DrillEnvironment;

beforeAll(async () => {
  drill = await startDrillEnvironment("worker-sigterm");
}, 180_000);

afterAll(async () => {
  await drill?.close();
});

const activeDeliveryJobIds = async () =>
  (await db.$queryRawUnsafe<{ id: string }[]>(`SELECT id FROM ${JOB_SCHEMA}.job WHERE name = 'delivery' AND state = 'active'`)).map((j) => j.id);

test(
  `SIGTERM of the worker during a burst of ${DRILL.messages} messages finishes its running jobs and exits 0`,
  async () => {
    const first = await drill.startWorker();
    const burst = await drill.storeBurst();
    await drill.waitDelivered(Math.ceil(burst.count / 4), DRILL_TIMEOUT_MS);
    // Signal while the worker holds jobs: between two fetches it holds none, and a stop then proves nothing.
    const heldAtSignal = await pollUntil("the worker holding delivery jobs", activeDeliveryJobIds, (ids) => ids.length > 0, 30_000);
    const signalled = performance.now();
    first.kill("SIGTERM");
    const exit = await first.exited;
    const exitSeconds = (performance.now() - signalled) / 1000;
    const atExit = await drill.outcome();
    const heldJobStates = await db.$queryRawUnsafe<{ state: string; jobs: bigint }[]>(
      `SELECT state::text AS state, count(*) AS jobs FROM ${JOB_SCHEMA}.job WHERE id = ANY($1::uuid[]) GROUP BY state`,
      heldAtSignal,
    );
    console.log(
      `[drill] worker-sigterm at exit ${JSON.stringify({ mode: DRILL.mode, exit, exitSeconds, heldAtSignal: heldAtSignal.length, heldJobStates: heldJobStates.map((s) => [s.state, Number(s.jobs)]), ...atExit })}`,
    );

    expect(exit).toEqual({ code: 0, signal: null });
    expect(exitSeconds).toBeLessThan(GRACE_SECONDS);
    // Stopped mid-burst, with jobs in hand that it finished rather than dropped.
    expect(atExit.delivered).toBeLessThan(burst.count);
    expect(heldJobStates.map((s) => s.state)).toEqual(["completed"]);
    expect(atExit).toMatchObject({
      activeDeliveryJobs: 0,
      incompleteAttempts: 0,
      inconsistentMessages: 0,
      failed: 0,
      deliveredAttempts: atExit.delivered,
      files: atExit.delivered,
      missingFiles: 0,
      strayFiles: 0,
      wrongSizeFiles: 0,
    });

    await drill.startWorker();
    await drill.waitDelivered(burst.count, DRILL.recoverySeconds * 1000);
    const outcome = await drill.outcome();
    console.log(
      `[drill] worker-sigterm ${JSON.stringify({ mode: DRILL.mode, doneAt: drill.seconds(), ...outcome, answered: drill.client.answered })}`,
    );
    expect(outcome).toMatchObject({ ...deliveredOnceEach(burst.count), attempts: burst.count });
    // A graceful stop posts nothing twice.
    expect(drill.client.answered).toEqual({ stored: burst.count, duplicate: 0 });
  },
  DRILL_TIMEOUT_MS,
);
