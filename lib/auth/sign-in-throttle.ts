// Sign-in throttling in PostgreSQL, so that every web instance sees the same counts. Three counts of failed
// passwords, each a row of SignInThrottle:
// - ACCOUNT_IP, per account code and client IP: after 5 failures a 1-minute block, doubling with each further
//   failure up to 15 minutes, forgotten a day after the first. This is what an attacker meets; the owner on
//   another IP is not affected.
// - ACCOUNT, per account code over all IPs: 50 failures within an hour lock it for 15 minutes and end the
//   user's sessions. Only a spread attack reaches it, and then briefly.
// - IP, per client IP over all accounts: SIGN_IN_FAILURES_PER_IP failures within 15 minutes refuse it for 15.
// Successes never count. Each attempt is counted as a failure before its password is checked (one atomic upsert
// per count, refused while blocked) and given back when it succeeds, so that concurrent attempts on several
// instances cannot all slip in before the first failure is recorded.
import { config } from "@/lib/config/env";
import { Prisma, type Db } from "@/lib/db/client";
import { endSessions } from "./session-version";

type ThrottleKind = "ACCOUNT_IP" | "ACCOUNT" | "IP";
export type ThrottleReason = "throttled" | "locked" | "rate_limited";

interface ThrottleRule {
  kind: ThrottleKind;
  reason: ThrottleReason;
  windowMinutes: number;
  /** The failure that reaches this count starts a block. */
  threshold: number;
  firstBlockMinutes: number;
  maxBlockMinutes: number;
  /** Whether the count starts again once a block has ended (else each further failure doubles the block). */
  restartAfterBlock: boolean;
}

const MINUTE = 60_000;

export const PAIR_RULE: ThrottleRule = {
  kind: "ACCOUNT_IP",
  reason: "throttled",
  windowMinutes: 24 * 60,
  threshold: 5,
  firstBlockMinutes: 1,
  maxBlockMinutes: 15,
  restartAfterBlock: false,
};
export const ACCOUNT_RULE: ThrottleRule = {
  kind: "ACCOUNT",
  reason: "locked",
  windowMinutes: 60,
  threshold: 50,
  firstBlockMinutes: 15,
  maxBlockMinutes: 15,
  restartAfterBlock: true,
};
const ipRule = (threshold: number): ThrottleRule => ({
  kind: "IP",
  reason: "rate_limited",
  windowMinutes: 15,
  threshold,
  firstBlockMinutes: 15,
  maxBlockMinutes: 15,
  restartAfterBlock: true,
});

interface Claim {
  rule: ThrottleRule;
  key: string;
  /** The block this attempt starts should it fail. */
  blockIfFailed: Date | null;
}

/** Counts the attempt as a failure unless the count is blocked; then returns the end of the block instead. */
async function claim(db: Db, rule: ThrottleRule, key: string, now: Date): Promise<Claim | { blockedUntil: Date }> {
  const restarts = rule.restartAfterBlock
    ? Prisma.sql`(t."windowStartedAt" <= ${new Date(now.getTime() - rule.windowMinutes * MINUTE)} OR t."blockedUntil" <= ${now})`
    : Prisma.sql`(t."windowStartedAt" <= ${new Date(now.getTime() - rule.windowMinutes * MINUTE)})`;
  const attempts = Prisma.sql`(CASE WHEN ${restarts} THEN 1 ELSE t."attempts" + 1 END)`;
  // The block doubles with each failure past the threshold (capped; the exponent too, against overflow).
  const blockSeconds = Prisma.sql`LEAST(${rule.maxBlockMinutes * 60}::float8, ${rule.firstBlockMinutes * 60}::float8 * power(2, LEAST(${attempts} - ${rule.threshold}, 20)))`;
  const firstBlock = rule.threshold <= 1 ? new Date(now.getTime() + rule.firstBlockMinutes * MINUTE) : null;
  const [row] = await db.$queryRaw<{ blockedUntil: Date | null }[]>`
    INSERT INTO "SignInThrottle" AS t ("kind", "key", "attempts", "windowStartedAt", "blockedUntil")
    VALUES (${rule.kind}::"SignInThrottleKind", ${key}, 1, ${now}, ${firstBlock}::timestamptz)
    ON CONFLICT ("kind", "key") DO UPDATE SET
      "attempts" = ${attempts},
      "windowStartedAt" = CASE WHEN ${restarts} THEN ${now} ELSE t."windowStartedAt" END,
      "blockedUntil" = CASE WHEN ${attempts} >= ${rule.threshold} THEN ${now}::timestamptz + make_interval(secs => ${blockSeconds}) END
    WHERE t."blockedUntil" IS NULL OR t."blockedUntil" <= ${now}
    RETURNING t."blockedUntil"`;
  if (row) return { rule, key, blockIfFailed: row.blockedUntil };
  const blocked = await db.signInThrottle.findUnique({ where: { kind_key: { kind: rule.kind, key } }, select: { blockedUntil: true } });
  return { blockedUntil: blocked?.blockedUntil ?? now };
}

/** Gives back an attempt that was not a failure (it succeeded, or another count refused it unchecked). */
async function giveBack(db: Db, { rule, key, blockIfFailed }: Claim): Promise<void> {
  await db.$executeRaw`
    UPDATE "SignInThrottle" SET
      "attempts" = "attempts" - 1,
      "blockedUntil" = CASE WHEN "blockedUntil" = ${blockIfFailed}::timestamptz THEN NULL ELSE "blockedUntil" END
    WHERE "kind" = ${rule.kind}::"SignInThrottleKind" AND "key" = ${key} AND "attempts" > 0`;
}

export type ThrottledCheck = { ok: true } | { ok: false; reason: "invalid" } | { ok: false; reason: ThrottleReason; retryAt: Date };

/**
 * Runs `check` (the password's verification) under the three counts for this account code and client IP. A
 * refused attempt is not checked. An unknown account code is counted exactly as a known one.
 */
export async function throttledCheck(options: {
  db: Db;
  accountCode: string;
  /** Attempts whose IP cannot be told share one count rather than escaping the limit. */
  ip: string | null;
  now: Date;
  check: () => Promise<boolean>;
}): Promise<ThrottledCheck> {
  const { db, accountCode, now } = options;
  const ip = options.ip ?? "unknown";
  const counts: [ThrottleRule, string][] = [
    [ipRule(config().SIGN_IN_FAILURES_PER_IP), ip],
    [ACCOUNT_RULE, accountCode],
    [PAIR_RULE, `${accountCode} ${ip}`],
  ];
  const claims: Claim[] = [];
  for (const [rule, key] of counts) {
    const claimed = await claim(db, rule, key, now);
    if ("blockedUntil" in claimed) {
      for (const earlier of claims) await giveBack(db, earlier);
      return { ok: false, reason: rule.reason, retryAt: claimed.blockedUntil };
    }
    claims.push(claimed);
  }

  if (await options.check()) {
    const [ipClaim, accountClaim, pairClaim] = claims;
    await giveBack(db, ipClaim);
    await giveBack(db, accountClaim);
    // A success forgets this IP's failures on the account (the other counts only get this attempt back).
    await db.signInThrottle.deleteMany({ where: { kind: pairClaim.rule.kind, key: pairClaim.key } });
    return { ok: true };
  }

  const started = claims.filter((c) => c.blockIfFailed).sort((a, b) => b.blockIfFailed!.getTime() - a.blockIfFailed!.getTime());
  if (started.some((c) => c.rule.kind === "ACCOUNT")) await endSessions(db, { accountCode });
  const [longest] = started;
  return longest ? { ok: false, reason: longest.rule.reason, retryAt: longest.blockIfFailed! } : { ok: false, reason: "invalid" };
}

/** Drops counts older than a day whose block has ended, so that guessed account codes do not pile up (run hourly by the worker). */
export async function pruneThrottle(db: Db, now: Date): Promise<void> {
  await db.signInThrottle.deleteMany({
    where: {
      windowStartedAt: { lt: new Date(now.getTime() - 24 * 60 * MINUTE) },
      OR: [{ blockedUntil: null }, { blockedUntil: { lt: now } }],
    },
  });
}
