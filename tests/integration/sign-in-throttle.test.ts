// Sign-in throttling on the real database (lib/auth/credentials.ts, sign-in-throttle.ts): failures per account
// code and client IP meet growing delays, so an attacker on one IP cannot lock the owner out on another; an
// account-wide lock only far above that, and short, and it ends the user's sessions; the per-IP limit counts
// failures only; concurrent attempts are all counted; every refusal is audited with the IP it came from.
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
const ATTACKER = "203.0.113.66";
const OWNER = "198.51.100.10";

let account: Awaited<ReturnType<typeof createEnterprise>>;
beforeAll(async () => {
  account = await createEnterprise(db);
});
afterAll(() => stopSender());
afterEach(() => {
  delete process.env.SIGN_IN_FAILURES_PER_IP;
});

const attempt = (options: { accountCode?: string; password: string; now: Date; ip: string }) =>
  verifyCredentials({
    db,
    accountCode: options.accountCode ?? account.user.accountCode,
    password: options.password,
    now: options.now,
    ip: options.ip,
  });

const clearThrottle = () => db.signInThrottle.deleteMany({});
const sessionVersion = async () => (await db.user.findUniqueOrThrow({ where: { id: account.user.id } })).sessionVersion;

describe("per account and IP", () => {
  test("an attacker failing many times from IP A does not stop the owner signing in from IP B", async () => {
    await clearThrottle();
    for (let i = 0; i < 40; i++) await attempt({ password: `guess-${i}`, ip: ATTACKER, now: at(i) });
    expect(await attempt({ password: account.password, ip: ATTACKER, now: at(40) })).toMatchObject({ ok: false, reason: "throttled" });
    expect(await attempt({ password: account.password, ip: OWNER, now: at(40) })).toMatchObject({ ok: true });
  });

  test("after 5 failures a 1-minute block, doubling with each further failure up to 15 minutes; the right password is refused meanwhile", async () => {
    await clearThrottle();
    for (let i = 0; i < 4; i++)
      expect(await attempt({ password: "wrong", ip: ATTACKER, now: at(i * 0.1) })).toEqual({ ok: false, reason: "invalid" });
    let now = 1;
    expect(await attempt({ password: "wrong", ip: ATTACKER, now: at(now) })).toEqual({ ok: false, reason: "throttled", retryAt: at(now + 1) });
    expect(await attempt({ password: account.password, ip: ATTACKER, now: at(now + 0.5) })).toEqual({
      ok: false,
      reason: "throttled",
      retryAt: at(now + 1),
    });
    const blocks: number[] = [];
    for (let i = 0; i < 6; i++) {
      const previous = await db.signInThrottle.findUniqueOrThrow({
        where: { kind_key: { kind: "ACCOUNT_IP", key: `${account.user.accountCode} ${ATTACKER}` } },
      });
      now = (previous.blockedUntil!.getTime() - T0.getTime()) / MINUTE;
      const result = await attempt({ password: "wrong", ip: ATTACKER, now: at(now) });
      blocks.push(((result as { retryAt: Date }).retryAt.getTime() - at(now).getTime()) / MINUTE);
    }
    expect(blocks).toEqual([2, 4, 8, 15, 15, 15]);
    // Only this IP's failures on this account: the owner elsewhere and this IP on other accounts are not blocked.
    expect(await attempt({ password: "wrong", accountCode: "SW00000011", ip: ATTACKER, now: at(now) })).toEqual({ ok: false, reason: "invalid" });
    expect((await attempt({ password: account.password, ip: OWNER, now: at(now) })).ok).toBe(true);
    const refusals = await db.auditLog.findMany({
      where: { action: "LOGIN_FAILED", actorUserId: account.user.id, ip: ATTACKER },
      orderBy: { id: "desc" },
      take: 1,
    });
    expect(refusals[0]).toMatchObject({ outcome: "REFUSED", detail: { reason: "throttled" } });
  });

  test("a success from that IP forgets its failures", async () => {
    await clearThrottle();
    for (let i = 0; i < 4; i++) await attempt({ password: "wrong", ip: OWNER, now: at(i) });
    expect((await attempt({ password: account.password, ip: OWNER, now: at(4) })).ok).toBe(true);
    for (let i = 5; i < 9; i++) expect(await attempt({ password: "wrong", ip: OWNER, now: at(i) })).toEqual({ ok: false, reason: "invalid" });
  });

  test("an unknown account is answered exactly as a known one", async () => {
    await clearThrottle();
    const unknown = "SW99999999";
    const known: unknown[] = [];
    const missing: unknown[] = [];
    for (let i = 0; i < 6; i++) {
      known.push(await attempt({ password: "wrong", ip: ATTACKER, now: at(i * 0.1) }));
      missing.push(await attempt({ accountCode: unknown, password: "wrong", ip: ATTACKER, now: at(i * 0.1) }));
    }
    expect(missing).toEqual(known);
    expect(missing.at(-1)).toMatchObject({ ok: false, reason: "throttled" });
  });

  test("concurrent wrong passwords, as from several web instances, are each counted before any is checked", async () => {
    await clearThrottle();
    const results = await Promise.all(Array.from({ length: 12 }, () => attempt({ password: "wrong", ip: ATTACKER, now: at(0) })));
    expect(results.filter((result) => !result.ok && result.reason === "invalid")).toHaveLength(4);
    expect(results.filter((result) => !result.ok && result.reason === "throttled")).toHaveLength(8);
    expect(
      await db.signInThrottle.findUnique({ where: { kind_key: { kind: "ACCOUNT_IP", key: `${account.user.accountCode} ${ATTACKER}` } } }),
    ).toMatchObject({ attempts: 5, blockedUntil: at(1) });
  });
});

describe("account-wide lock", () => {
  test("only past 50 failures within an hour from many IPs, for 15 minutes, and it ends the user's sessions", async () => {
    await clearThrottle();
    const before = await sessionVersion();
    // 49 failures from 49 addresses (each below its own per-IP threshold): no lock.
    for (let i = 0; i < 49; i++)
      expect(await attempt({ password: "wrong", ip: `192.0.2.${i + 1}`, now: at(i) })).toEqual({ ok: false, reason: "invalid" });
    expect((await attempt({ password: account.password, ip: OWNER, now: at(49) })).ok).toBe(true);
    expect(await sessionVersion()).toBe(before);
    // The 50th failure within the hour locks, for everyone, briefly.
    expect(await attempt({ password: "wrong", ip: "192.0.2.200", now: at(50) })).toEqual({ ok: false, reason: "locked", retryAt: at(65) });
    expect(await sessionVersion()).toBe(before + 1);
    expect(await attempt({ password: account.password, ip: OWNER, now: at(64.9) })).toEqual({ ok: false, reason: "locked", retryAt: at(65) });
    expect((await attempt({ password: account.password, ip: OWNER, now: at(65) })).ok).toBe(true);
  });

  test("failures spread over more than an hour do not lock", async () => {
    await clearThrottle();
    for (let i = 0; i < 60; i++)
      expect(await attempt({ password: "wrong", ip: `192.0.2.${i + 1}`, now: at(i * 1.25) })).toMatchObject({ reason: "invalid" });
  });
});

describe("per-IP limit", () => {
  test("counts failures only: 60 good sign-ins from one IP all pass", async () => {
    await clearThrottle();
    for (let i = 0; i < 60; i++) expect((await attempt({ password: account.password, ip: OWNER, now: at(i * 0.1) })).ok).toBe(true);
  });

  test("after SIGN_IN_FAILURES_PER_IP failures on any accounts the IP is refused for 15 minutes; other IPs are not", async () => {
    await clearThrottle();
    process.env.SIGN_IN_FAILURES_PER_IP = "3";
    const ip = "203.0.113.77";
    expect((await attempt({ password: account.password, ip, now: at(0) })).ok).toBe(true);
    expect(await attempt({ accountCode: "SW00000001", password: "x", ip, now: at(1) })).toEqual({ ok: false, reason: "invalid" });
    expect(await attempt({ accountCode: "SW00000002", password: "x", ip, now: at(2) })).toEqual({ ok: false, reason: "invalid" });
    expect(await attempt({ accountCode: "SW00000003", password: "x", ip, now: at(3) })).toEqual({
      ok: false,
      reason: "rate_limited",
      retryAt: at(18),
    });
    // Refused unchecked, and not counted against the account.
    expect(await attempt({ password: account.password, ip, now: at(17.9) })).toEqual({ ok: false, reason: "rate_limited", retryAt: at(18) });
    expect(await db.signInThrottle.findUnique({ where: { kind_key: { kind: "ACCOUNT", key: account.user.accountCode } } })).toMatchObject({
      attempts: 0,
    });
    expect((await attempt({ password: account.password, ip: OWNER, now: at(4) })).ok).toBe(true);
    expect((await attempt({ password: account.password, ip, now: at(18) })).ok).toBe(true);
    expect(await db.auditLog.findFirst({ where: { action: "LOGIN_FAILED", ip }, orderBy: { id: "desc" } })).toMatchObject({
      outcome: "REFUSED",
      detail: { reason: "rate_limited", retryAt: at(18).toISOString() },
    });
  });
});

test("a disabled user with the right password is told the account is disabled; a wrong password is answered as ever", async () => {
  await clearThrottle();
  const fixture = await createEnterprise(db);
  await db.user.update({ where: { id: fixture.user.id }, data: { disabledAt: new Date() } });
  const signIn = (password: string) => verifyCredentials({ db, accountCode: fixture.user.accountCode, password, ip: OWNER });
  expect(await signIn("wrong")).toEqual({ ok: false, reason: "invalid" });
  expect(await signIn(fixture.password)).toEqual({ ok: false, reason: "disabled" });
  expect(await db.auditLog.count({ where: { action: "LOGIN", actorUserId: fixture.user.id } })).toBe(0);
  expect(await db.auditLog.findFirst({ where: { actorUserId: fixture.user.id }, orderBy: { id: "desc" } })).toMatchObject({
    action: "LOGIN_FAILED",
    detail: { reason: "disabled" },
    ip: OWNER,
  });
});

test("the worker's hourly job prunes counts older than a day whose block has ended, and only those", async () => {
  await clearThrottle();
  const now = Date.now();
  const ago = (hours: number) => new Date(now - hours * 60 * MINUTE);
  const row = (kind: "ACCOUNT" | "ACCOUNT_IP", key: string, windowStartedAt: Date, blockedUntil: Date | null) => ({
    kind,
    key,
    attempts: 5,
    windowStartedAt,
    blockedUntil,
  });
  await db.signInThrottle.createMany({
    data: [
      row("ACCOUNT", "SW00000003", ago(25), null),
      row("ACCOUNT_IP", "SW00000004 203.0.113.1", ago(25), ago(24)),
      row("ACCOUNT_IP", "SW00000005 203.0.113.1", ago(25), new Date(now + 60 * MINUTE)),
      row("ACCOUNT", "SW00000006", ago(23), null),
    ],
  });
  const worker = await startWorker({ databaseUrl: process.env.DATABASE_URL! });
  try {
    const jobId = await sendJob(pruneSignInThrottleJob, {});
    expect(
      await waitFor(
        () => jobState(db, jobId),
        (state) => state === "completed",
      ),
    ).toBe("completed");
  } finally {
    await worker.stop(5_000);
  }
  expect((await db.signInThrottle.findMany({ orderBy: { key: "asc" } })).map((r) => r.key)).toEqual(["SW00000005 203.0.113.1", "SW00000006"]);
});
