// Sign-in throttling in PostgreSQL, so that every web instance sees the same counts: an account code is locked
// after MAX_FAILED_SIGN_INS consecutive wrong passwords within the window, and a client IP is refused after
// SIGN_IN_ATTEMPTS_PER_IP attempts within the window; either block lasts BLOCK_MINUTES. Each count is one
// atomic upsert, so concurrent attempts on several instances cannot slip past the limit.
import { Prisma, type Db } from "@/lib/db/client";

export const MAX_FAILED_SIGN_INS = 5;
export const THROTTLE_WINDOW_MINUTES = 15;
export const BLOCK_MINUTES = 15;

type ThrottleKind = "ACCOUNT" | "IP";
const MINUTE = 60_000;

/** The time until which attempts on this account code or IP are refused, or null when they are not. */
export async function blockedUntil(db: Db, kind: ThrottleKind, key: string, now: Date): Promise<Date | null> {
  const row = await db.signInThrottle.findUnique({ where: { kind_key: { kind, key } }, select: { blockedUntil: true } });
  return row?.blockedUntil && row.blockedUntil > now ? row.blockedUntil : null;
}

/**
 * Counts one attempt; a window that has run out, or a block that has ended, starts the count again. Returns
 * the end of the block this attempt started (when it reached `limit`), else null.
 */
export async function countAttempt(db: Db, kind: ThrottleKind, key: string, limit: number, now: Date): Promise<Date | null> {
  const windowStart = new Date(now.getTime() - THROTTLE_WINDOW_MINUTES * MINUTE);
  const blockEnd = new Date(now.getTime() + BLOCK_MINUTES * MINUTE);
  // A count restarts when its window has run out or its block has ended (SET reads the row as it was).
  const restarts = Prisma.sql`(t."windowStartedAt" <= ${windowStart} OR t."blockedUntil" <= ${now})`;
  const attempts = Prisma.sql`CASE WHEN ${restarts} THEN 1 ELSE t."attempts" + 1 END`;
  const [row] = await db.$queryRaw<{ blockedUntil: Date | null }[]>`
    INSERT INTO "SignInThrottle" AS t ("kind", "key", "attempts", "windowStartedAt", "blockedUntil")
    VALUES (${kind}::"SignInThrottleKind", ${key}, 1, ${now}, ${limit <= 1 ? blockEnd : null}::timestamptz)
    ON CONFLICT ("kind", "key") DO UPDATE SET
      "attempts" = ${attempts},
      "windowStartedAt" = CASE WHEN ${restarts} THEN ${now} ELSE t."windowStartedAt" END,
      "blockedUntil" = CASE WHEN ${attempts} >= ${limit} THEN ${blockEnd}::timestamptz END
    RETURNING t."blockedUntil"`;
  return row?.blockedUntil ?? null;
}

/** A successful sign-in clears the account's count of failures. */
export async function clearAccount(db: Db, accountCode: string): Promise<void> {
  await db.signInThrottle.deleteMany({ where: { kind: "ACCOUNT", key: accountCode } });
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
