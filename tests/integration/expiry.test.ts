import { afterAll, describe, expect, test } from "vitest";
import { db } from "@/lib/db/client";
import { expireSubscriptionsJob } from "@/lib/jobs/definitions/expire-subscriptions";
import { sendJob, stopSender } from "@/lib/jobs/send";
import { startWorker } from "@/lib/jobs/worker";
import { isDispatchable } from "@/lib/subscriptions/validity";
import { createEnterprise, createManual, createSubscription } from "../support/factories";

afterAll(() => stopSender());

async function waitFor<T>(fn: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (ok(value) || Date.now() > end) return value;
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe("R12 expiry", () => {
  test("the expiry job run by the worker marks subscriptions past validUntil EXPIRED, audited, and leaves others", async () => {
    const fixture = await createEnterprise(db);
    const manual = await createManual(db, { processingUnitCode: fixture.enterprise.customsCode });
    const other = await createManual(db, { processingUnitCode: fixture.enterprise.customsCode });
    const past = await createSubscription(db, fixture, manual, { validUntil: new Date(Date.now() - 1000) });
    const future = await createSubscription(db, fixture, other, { validUntil: new Date(Date.now() + 3_600_000) });
    const cancelled = await createSubscription(db, fixture, manual, { validUntil: new Date(Date.now() - 1000), status: "CANCELLED" });

    const worker = await startWorker({ databaseUrl: process.env.DATABASE_URL! });
    try {
      await sendJob(expireSubscriptionsJob, {});
      const expired = await waitFor(
        () => db.subscription.findUniqueOrThrow({ where: { id: past.id } }),
        (s) => s.status === "EXPIRED",
      );
      expect(expired.status).toBe("EXPIRED");
    } finally {
      await worker.stop(5_000);
    }
    expect((await db.subscription.findUniqueOrThrow({ where: { id: future.id } })).status).toBe("ACTIVE");
    expect((await db.subscription.findUniqueOrThrow({ where: { id: cancelled.id } })).status).toBe("CANCELLED");
    const audit = await db.auditLog.findMany({ where: { action: "EXPIRE", targetId: String(past.id) } });
    expect(audit).toHaveLength(1);
    expect(audit[0].enterpriseId).toBe(fixture.enterprise.id);
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
      `SELECT data FROM pgboss.job WHERE name = $1 AND data->>'marker' LIKE $2`, expireSubscriptionsJob.name, `${marker}%`,
    );
    expect(committed).toBeTruthy();
    expect(rows.map((r) => r.data.marker)).toEqual([`${marker}-ok`]);
  });
});
