// Sign-in lockout and per-IP limit on the real database (lib/auth/credentials.ts, sign-in-throttle.ts): five
// wrong passwords within 15 minutes lock the account code for 15 minutes, whether or not the account exists;
// a success clears the count; one IP may make SIGN_IN_ATTEMPTS_PER_IP attempts per 15 minutes; concurrent
// attempts (several web instances) are all counted; every refusal is audited.
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { verifyCredentials } from "@/lib/auth/credentials";
import { db } from "@/lib/db/client";
import { pruneSignInThrottleJob } from "@/lib/jobs/definitions/prune-sign-in-throttle";
import { sendJob, stopSender } from "@/lib/jobs/send";
import { startWorker } from "@/lib/jobs/worker";
import { createEnterprise } from "../support/factories";
import { jobState } from "../support/job-state";
import { waitFor } from "../support/push-harness";

const MINUTE = 60_000;
const T0 = new Date("2026-11-28T01:00:00.000Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * MINUTE);
let ipCounter = 0;
const freshIp = () => `10.77.${process.pid % 250}.${++ipCounter}`;

let account: Awaited<ReturnType<typeof createEnterprise>>;
beforeAll(async () => {
  account = await createEnterprise(db);
});
afterAll(() => stopSender());
afterEach(() => {
  delete process.env.SIGN_IN_ATTEMPTS_PER_IP;
});

const attempt = (options: { accountCode?: string; password: string; now: Date; ip?: string }) =>
  verifyCredentials({ db, accountCode: options.accountCode ?? account.user.accountCode, password: options.password, now: options.now, ip: options.ip ?? freshIp() });

async function clearThrottle() {
  await db.signInThrottle.deleteMany({});
}

describe("account lockout", () => {
  test("five wrong passwords lock the account for 15 minutes, the right one included, then it signs in", async () => {
    await clearThrottle();
    for (let minute = 0; minute < 4; minute++) expect(await attempt({ password: "wrong", now: at(minute) })).toEqual({ ok: false, reason: "invalid" });
    expect(await attempt({ password: "wrong", now: at(5) })).toEqual({ ok: false, reason: "locked", retryAt: at(20) });

    // Locked: the right password is refused too, without extending the lock.
    expect(await attempt({ password: account.password, now: at(10) })).toEqual({ ok: false, reason: "locked", retryAt: at(20) });
    expect(await attempt({ password: account.password, now: at(19.9) })).toEqual({ ok: false, reason: "locked", retryAt: at(20) });

    // The lock ends.
    const after = await attempt({ password: account.password, now: at(20) });
    expect(after.ok).toBe(true);

    const refusals = await db.auditLog.findMany({ where: { action: "LOGIN_FAILED", actorUserId: account.user.id }, orderBy: { id: "asc" } });
    expect(refusals.map((entry) => (entry.detail as { reason: string }).reason)).toEqual(["invalid", "invalid", "invalid", "invalid", "locked", "locked", "locked"]);
    expect(refusals.at(-1)).toMatchObject({ outcome: "REFUSED", actorAccount: account.user.accountCode, detail: { reason: "locked", retryAt: at(20).toISOString() } });
    expect(await db.auditLog.count({ where: { action: "LOGIN", actorUserId: account.user.id } })).toBe(1);
  });

  test("after the lock has ended, the count starts again from zero", async () => {
    await clearThrottle();
    for (let i = 0; i < 5; i++) await attempt({ password: "wrong", now: at(i) });
    expect(await attempt({ password: "wrong", now: at(30) })).toEqual({ ok: false, reason: "invalid" });
  });

  test("failures spread over more than 15 minutes do not lock", async () => {
    await clearThrottle();
    for (const minute of [0, 4, 8, 12]) expect(await attempt({ password: "wrong", now: at(minute) })).toMatchObject({ reason: "invalid" });
    expect(await attempt({ password: "wrong", now: at(16) })).toEqual({ ok: false, reason: "invalid" });
  });

  test("a successful sign-in resets the count", async () => {
    await clearThrottle();
    for (let i = 0; i < 4; i++) await attempt({ password: "wrong", now: at(i) });
    expect((await attempt({ password: account.password, now: at(4) })).ok).toBe(true);
    for (let i = 5; i < 9; i++) expect(await attempt({ password: "wrong", now: at(i) })).toEqual({ ok: false, reason: "invalid" });
    expect(await db.signInThrottle.findUnique({ where: { kind_key: { kind: "ACCOUNT", key: account.user.accountCode } } })).toMatchObject({ attempts: 4, blockedUntil: null });
  });

  test("an unknown account is answered exactly as a known one, lock included", async () => {
    await clearThrottle();
    const unknown = "SW99999999";
    expect(await db.user.findUnique({ where: { accountCode: unknown } })).toBeNull();
    const known: unknown[] = [];
    const missing: unknown[] = [];
    for (let minute = 0; minute < 6; minute++) {
      known.push(await attempt({ password: "wrong", now: at(minute) }));
      missing.push(await attempt({ accountCode: unknown, password: "wrong", now: at(minute) }));
    }
    expect(missing).toEqual(known);
    expect(missing.at(-1)).toEqual({ ok: false, reason: "locked", retryAt: at(19) });
    expect(await db.auditLog.count({ where: { action: "LOGIN_FAILED", actorAccount: unknown, outcome: "REFUSED" } })).toBeGreaterThanOrEqual(6);
  });

  test("concurrent wrong passwords, as from several web instances, are each counted", async () => {
    await clearThrottle();
    const results = await Promise.all(Array.from({ length: 5 }, () => attempt({ password: "wrong", now: at(0) })));
    expect(results.filter((result) => !result.ok && result.reason === "locked")).toHaveLength(1);
    expect(await db.signInThrottle.findUnique({ where: { kind_key: { kind: "ACCOUNT", key: account.user.accountCode } } })).toMatchObject({ attempts: 5, blockedUntil: at(15) });
    expect(await attempt({ password: account.password, now: at(1) })).toMatchObject({ ok: false, reason: "locked" });
  });
});

describe("per-IP limit", () => {
  test("one IP is refused after its allowed attempts for 15 minutes, whatever the account; other IPs are not", async () => {
    await clearThrottle();
    process.env.SIGN_IN_ATTEMPTS_PER_IP = "3";
    const ip = "10.78.0.1";
    expect((await attempt({ password: account.password, ip, now: at(0) })).ok).toBe(true);
    expect(await attempt({ accountCode: "SW00000001", password: "x", ip, now: at(1) })).toEqual({ ok: false, reason: "invalid" });
    expect(await attempt({ accountCode: "SW00000002", password: "x", ip, now: at(2) })).toEqual({ ok: false, reason: "invalid" });
    // The limit is reached: even the right password is refused, and not counted against the account.
    expect(await attempt({ password: account.password, ip, now: at(3) })).toEqual({ ok: false, reason: "rate_limited", retryAt: at(17) });
    expect(await attempt({ password: account.password, ip, now: at(16.9) })).toMatchObject({ reason: "rate_limited" });
    expect((await attempt({ password: account.password, ip: "10.78.0.2", now: at(4) })).ok).toBe(true);

    expect((await attempt({ password: account.password, ip, now: at(17) })).ok).toBe(true);
    expect(await db.auditLog.findFirst({ where: { action: "LOGIN_FAILED", ip }, orderBy: { id: "desc" } })).toMatchObject({
      outcome: "REFUSED", detail: { reason: "rate_limited", retryAt: at(17).toISOString() },
    });
  });

  test("the worker's hourly job prunes counts older than a day whose block has ended, and only those", async () => {
    await clearThrottle();
    const now = Date.now();
    const ago = (hours: number) => new Date(now - hours * 60 * MINUTE);
    const row = (key: string, windowStartedAt: Date, blockedUntil: Date | null) => ({ kind: "ACCOUNT" as const, key, attempts: 5, windowStartedAt, blockedUntil });
    await db.signInThrottle.createMany({
      data: [
        row("SW00000003", ago(25), null),
        row("SW00000004", ago(25), ago(24)),
        row("SW00000005", ago(25), new Date(now + 60 * MINUTE)),
        row("SW00000006", ago(23), null),
      ],
    });
    // A sign-in attempt no longer prunes.
    await attempt({ accountCode: "SW00000007", password: "x", ip: "10.78.1.1", now: new Date(now) });
    expect(await db.signInThrottle.count()).toBe(6);

    const worker = await startWorker({ databaseUrl: process.env.DATABASE_URL! });
    try {
      const jobId = await sendJob(pruneSignInThrottleJob, {});
      expect(await waitFor(() => jobState(db, jobId), (state) => state === "completed")).toBe("completed");
    } finally {
      await worker.stop(5_000);
    }
    expect((await db.signInThrottle.findMany({ orderBy: [{ kind: "asc" }, { key: "asc" }] })).map((r) => r.key)).toEqual(["SW00000005", "SW00000006", "SW00000007", "10.78.1.1"]);
  });
});
