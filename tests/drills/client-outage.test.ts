// Drill 2 (issue 9): the import client's process stops in the middle of a burst and starts again after an outage
// (two minutes under `npm run drills`). Every delivery in between fails and is retried on DELIVERY_RETRY_SCHEDULE,
// shortened here through configuration so that it outlasts the outage; once the client is back every message
// arrives, each failed attempt recorded with its error.
import { afterAll, beforeAll, expect, test } from "vitest";
import { DRILL, DRILL_TIMEOUT_MS } from "./support/drill-size";
import { deliveredOnceEach } from "./support/outcome";
import { startDrillEnvironment, type DrillEnvironment } from "./support/drill-environment";

let drill: DrillEnvironment;

beforeAll(async () => {
  drill = await startDrillEnvironment("client-outage");
}, 180_000);

afterAll(async () => {
  await drill?.close();
});

test(
  `the import client stopped for ${DRILL.clientOutageSeconds} s during a burst of ${DRILL.messages} messages gets every message`,
  async () => {
    await drill.startWorker();
    const burst = await drill.storeBurst();
    await drill.waitDelivered(Math.ceil(burst.count / 5), DRILL_TIMEOUT_MS);

    expect(await drill.client.stop()).toBe(0);
    const stoppedAt = drill.seconds();
    await new Promise((resolve) => setTimeout(resolve, DRILL.clientOutageSeconds * 1000));
    const duringOutage = await drill.outcome();
    await drill.client.start();
    const restartedAt = drill.seconds();
    // The outage fell in the middle of the burst, and the worker kept trying meanwhile.
    expect(duringOutage.delivered).toBeLessThan(burst.count);
    expect(duringOutage.failedAttempts).toBeGreaterThan(0);

    await drill.waitDelivered(burst.count, DRILL.recoverySeconds * 1000);
    const outcome = await drill.outcome();
    console.log(
      `[drill] client-outage ${JSON.stringify({
        mode: DRILL.mode,
        retrySchedule: DRILL.retrySchedule,
        stoppedAt,
        restartedAt,
        doneAt: drill.seconds(),
        deliveredDuringOutage: duringOutage.delivered,
        failedAttemptsDuringOutage: duringOutage.failedAttempts,
        ...outcome,
        answered: drill.client.answered,
      })}`,
    );

    expect(outcome).toMatchObject(deliveredOnceEach(burst.count));
    // Every failure is on record: one attempt row per try, the failed ones before the delivered one.
    expect(outcome.attempts).toBe(burst.count + outcome.failedAttempts);
    expect(outcome.failedAttempts).toBeGreaterThanOrEqual(duringOutage.failedAttempts);
    expect(outcome.messagesRetried).toBeGreaterThan(0);
    expect(drill.client.answered.stored).toBe(burst.count);
  },
  DRILL_TIMEOUT_MS,
);
