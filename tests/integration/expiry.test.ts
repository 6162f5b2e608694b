import { afterAll, describe, expect, test } from "vitest";
import { db } from "@/lib/db/client";
import { expireSubscriptionsJob } from "@/lib/jobs/definitions/expire-subscriptions";
import { sendJob, stopSender } from "@/lib/jobs/send";
import { startWorker } from "@/lib/jobs/worker";
import { dispatchStockSubscription } from "@/lib/pushes/dispatch-stock";
import { listSubscriptionsForReview } from "@/lib/review/list-subscriptions";
import { loadSubscriptionRecord } from "@/lib/review/subscription-record";
import { cancelSubscription } from "@/lib/subscriptions/cancel";
import { expireSubscriptions } from "@/lib/subscriptions/expire";
import { extendSubscription } from "@/lib/subscriptions/extend";
import { listSubscriptions } from "@/lib/subscriptions/list";
import { isDispatchable } from "@/lib/subscriptions/validity";
import { addDaysToDay, shanghaiDay } from "@/lib/time/shanghai";
import { createEnterprise, createManual, createStockSubscription, createSubscription } from "../support/factories";

afterAll(() => stopSender());

/**
 * A validUntil that has passed since the expiry's last run: the watermark itself, the earliest instant the
 * next run audits (a fixture dated before it would be one no real subscription can be: R7 and R11 never
 * set a validUntil in the past).
 */
const sinceLastRun = async () => (await db.expiryWatermark.findUniqueOrThrow({ where: { id: 1 } })).auditedUntil;

/** The audit part of a signed cancel or extend, for calling the domain function without a card. */
const testAudit = (fixture: Awaited<ReturnType<typeof createEnterprise>>) => ({
  actorUserId: fixture.user.id,
  actorAccount: fixture.user.accountCode,
  ip: null,
  cardNo: fixture.legalCard.cardNo,
  signature: "00",
  signedMessage: new Uint8Array(),
  signedFormat: "test",
});

const expireAudits = (subscriptionIds: number[]) =>
  db.auditLog.findMany({ where: { action: "EXPIRE", targetType: "Subscription", targetId: { in: subscriptionIds.map(String) } } });

async function waitFor<T>(fn: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (ok(value) || Date.now() > end) return value;
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe("R12 expiry", () => {
  test("the expiry job run by the worker audits subscriptions past validUntil, which read as EXPIRED, and leaves others", async () => {
    const fixture = await createEnterprise(db);
    const manual = await createManual(db, { processingUnitCode: fixture.enterprise.customsCode });
    const other = await createManual(db, { processingUnitCode: fixture.enterprise.customsCode });
    const lapsed = await sinceLastRun();
    const past = await createSubscription(db, fixture, manual, { validUntil: lapsed });
    const future = await createSubscription(db, fixture, other, { validUntil: new Date(Date.now() + 3_600_000) });
    const cancelled = await createSubscription(db, fixture, manual, { validUntil: lapsed, status: "CANCELLED" });

    const worker = await startWorker({ databaseUrl: process.env.DATABASE_URL! });
    try {
      await sendJob(expireSubscriptionsJob, {});
      const audit = await waitFor(
        () => expireAudits([past.id]),
        (rows) => rows.length > 0,
      );
      expect(audit).toHaveLength(1);
    } finally {
      await worker.stop(5_000);
    }
    const audit = await expireAudits([past.id, future.id, cancelled.id]);
    expect(audit.map((a) => [a.targetId, a.enterpriseId, new Date((a.detail as { validUntil: string }).validUntil)])).toEqual([
      [String(past.id), fixture.enterprise.id, lapsed],
    ]);
    const { rows } = await listSubscriptions({ db, scope: { enterpriseId: fixture.enterprise.id } });
    expect(rows.map((r) => [r.id, r.status])).toEqual([
      [cancelled.id, "CANCELLED"],
      [future.id, "ACTIVE"],
      [past.id, "EXPIRED"],
    ]);
  });

  test("after the job a past subscription reads and filters as EXPIRED everywhere and is not dispatched; its status is not written", async () => {
    const fixture = await createEnterprise(db);
    const manual = await createManual(db, { processingUnitCode: fixture.enterprise.customsCode, materials: 5 });
    const lapsed = await sinceLastRun();
    const incremental = await createSubscription(db, fixture, manual, { validUntil: lapsed });
    const stock = await createStockSubscription(db, fixture, manual, { validUntil: lapsed });
    await expireSubscriptions({ db });
    expect(await expireAudits([incremental.id, stock.id])).toHaveLength(2);
    expect((await db.subscription.findMany({ where: { id: { in: [incremental.id, stock.id] } } })).map((s) => s.status)).toEqual([
      "ACTIVE",
      "ACTIVE",
    ]);

    const scope = { enterpriseId: fixture.enterprise.id };
    const records = (status?: "ACTIVE" | "EXPIRED") => listSubscriptions({ db, scope, filters: { status } }).then((page) => page.rows);
    expect((await records()).map((r) => [r.id, r.status, r.canCancelOrExtend])).toEqual([
      [stock.id, "EXPIRED", false],
      [incremental.id, "EXPIRED", false],
    ]);
    expect((await records("EXPIRED")).map((r) => r.id)).toEqual([stock.id, incremental.id]);
    expect(await records("ACTIVE")).toEqual([]);
    const review = (status?: "ACTIVE" | "EXPIRED") =>
      listSubscriptionsForReview({ db, filters: { customsCode: fixture.enterprise.customsCode, status } }).then((page) => page.rows);
    expect((await review()).map((r) => r.status)).toEqual(["EXPIRED", "EXPIRED"]);
    expect((await review("EXPIRED")).map((r) => r.id)).toEqual([stock.id, incremental.id]);
    expect(await review("ACTIVE")).toEqual([]);
    expect((await loadSubscriptionRecord({ db, subscriptionId: incremental.id }))?.status).toBe("EXPIRED");
    expect(await dispatchStockSubscription({ db, subscriptionId: stock.id })).toEqual({ outcome: "skipped", reason: "NOT_DISPATCHABLE" });
  });

  test("two runs audit a subscription once; one valid in the future or extended before it expired is not audited", async () => {
    const fixture = await createEnterprise(db);
    const manuals = await Promise.all([1, 2, 3].map(() => createManual(db, { processingUnitCode: fixture.enterprise.customsCode })));
    const lapsed = await sinceLastRun();
    const expired = await createSubscription(db, fixture, manuals[0], { validUntil: lapsed });
    const future = await createSubscription(db, fixture, manuals[1], { validUntil: new Date(Date.now() + 3_600_000) });
    const extended = await createSubscription(db, fixture, manuals[2], { validUntil: lapsed });
    // Extended a minute before its validUntil passed (R11), as the enterprise would have.
    await db.$transaction((tx) =>
      extendSubscription({
        tx,
        scope: { enterpriseId: fixture.enterprise.id },
        subscriptionId: extended.id,
        validUntil: addDaysToDay(shanghaiDay(), 1),
        now: new Date(lapsed.getTime() - 60_000),
        audit: testAudit(fixture),
      }),
    );

    await expireSubscriptions({ db });
    await expireSubscriptions({ db });
    expect((await expireAudits([expired.id, future.id, extended.id])).map((a) => a.targetId)).toEqual([String(expired.id)]);
  });

  test("cancel refuses a record the job has already audited as expired, though its own clock is earlier", async () => {
    const fixture = await createEnterprise(db);
    const manual = await createManual(db, { processingUnitCode: fixture.enterprise.customsCode });
    const subscription = await createSubscription(db, fixture, manual, { validUntil: new Date(Date.now() + 60_000) });
    const audit = testAudit(fixture);
    const refusal = db.$transaction(async (tx) => {
      // A run that audited past the record's validUntil (as one whose clock is ahead would); rolled back below.
      await tx.expiryWatermark.update({ where: { id: 1 }, data: { auditedUntil: new Date(Date.now() + 120_000) } });
      await cancelSubscription({ tx, scope: { enterpriseId: fixture.enterprise.id }, audit, subscriptionId: subscription.id });
    });
    await expect(refusal).rejects.toMatchObject({ refusal: { key: "subscriptions.notActive" } });
    expect((await db.subscription.findUniqueOrThrow({ where: { id: subscription.id } })).status).toBe("ACTIVE");
  });

  test("concurrent runs audit each subscription once", async () => {
    const fixture = await createEnterprise(db);
    const manual = await createManual(db, { processingUnitCode: fixture.enterprise.customsCode, materials: 1 });
    const lapsed = await sinceLastRun();
    const subscriptions = await Promise.all([1, 2, 3, 4].map(() => createStockSubscription(db, fixture, manual, { validUntil: lapsed })));
    const ids = subscriptions.map((s) => s.id);
    const counts = await Promise.all([1, 2, 3].map(() => expireSubscriptions({ db })));
    const audit = await expireAudits(ids);
    expect(audit.map((a) => Number(a.targetId)).sort((x, y) => x - y)).toEqual(ids.sort((x, y) => x - y));
    expect(counts.reduce((sum, n) => sum + n, 0)).toBeGreaterThanOrEqual(ids.length);
  });

  test("a subscription past validUntil is not dispatchable even before the job runs", () => {
    const validUntil = new Date("2026-04-09T15:59:59Z");
    expect(isDispatchable({ status: "ACTIVE", validUntil }, new Date("2026-04-09T15:59:59Z"))).toBe(true);
    expect(isDispatchable({ status: "ACTIVE", validUntil }, new Date("2026-04-09T16:00:00Z"))).toBe(false);
    expect(isDispatchable({ status: "CANCELLED", validUntil }, new Date("2026-04-01T00:00:00Z"))).toBe(false);
  });

  test("a job sent inside a rolled-back transaction does not exist", async () => {
    const marker = `rollback-${Date.now()}`;
    await expect(
      db.$transaction(async (tx) => {
        await sendJob(expireSubscriptionsJob, { marker }, { tx });
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    const committed = await db.$transaction(async (tx) => sendJob(expireSubscriptionsJob, { marker: `${marker}-ok` }, { tx }));
    const rows = await db.$queryRawUnsafe<{ data: { marker: string } }[]>(
      `SELECT data FROM pgboss.job WHERE name = $1 AND data->>'marker' LIKE $2`,
      expireSubscriptionsJob.name,
      `${marker}%`,
    );
    expect(committed).toBeTruthy();
    expect(rows.map((r) => r.data.marker)).toEqual([`${marker}-ok`]);
  });
});
