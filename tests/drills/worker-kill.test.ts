// Drill 1 (issue 9): kill -9 the worker in the middle of a burst and start it again. Jobs the dead worker held
// come back through pg-boss's heartbeat; a message posted but not yet recorded is posted again and the import
// client keeps its first file. Nothing is lost, no file is written twice.
import { afterAll, beforeAll, expect, test } from "vitest";
import { DRILL, DRILL_TIMEOUT_MS } from "./support/drill-size";
import { deliveredOnceEach } from "./support/outcome";
import { startDrillEnvironment, type DrillEnvironment } from "./support/drill-environment";
import { pollUntil } from "./support/poll";

let drill: DrillEnvironment;

beforeAll(async () => {
  drill = await startDrillEnvironment("worker-kill");
}, 180_000);

afterAll(async () => {
  await drill?.close();
});

test(
  `kill -9 of the worker during a burst of ${DRILL.messages} messages loses none and duplicates no file`,
  async () => {
    const first = await drill.startWorker();
    const burst = await drill.storeBurst();
    const storedAt = drill.seconds();
    await drill.waitDelivered(Math.ceil(burst.count / 4), DRILL_TIMEOUT_MS);
    // Aim at the worst moment: files the client has stored whose delivery the database does not show yet. The inbox
    // is counted before the database, so a positive difference is files still unrecorded when the count was read;
    // the window lasts a batch's POSTs, hence the short interval.
    const clientAhead = async () => drill.filesStored() - (await drill.delivered());
    const clientAheadAtKill = await pollUntil("the client is ahead of the database", clientAhead, (ahead) => ahead > 0, 60_000, 20);

    first.kill("SIGKILL");
    expect((await first.exited).signal).toBe("SIGKILL");
    const killedAt = drill.seconds();
    const deliveredAtKill = await drill.delivered();
    // The kill happened mid-burst, with jobs in flight.
    expect(deliveredAtKill).toBeLessThan(burst.count);

    await drill.startWorker();
    const restartedAt = drill.seconds();
    await drill.waitDelivered(burst.count, DRILL.recoverySeconds * 1000);
    const outcome = await drill.outcome();
    console.log(
      `[drill] worker-kill ${JSON.stringify({ mode: DRILL.mode, storedAt, killedAt, deliveredAtKill, clientAheadAtKill, restartedAt, doneAt: drill.seconds(), ...outcome, answered: drill.client.answered })}`,
    );

    expect(outcome).toMatchObject(deliveredOnceEach(burst.count));
    // Every file was written once: the client stored exactly one per message; any further POST found it there.
    expect(drill.client.answered.stored).toBe(burst.count);
  },
  DRILL_TIMEOUT_MS,
);
