// Password sign-in with argon2, throttled per account code and per client IP (sign-in-throttle.ts). An unknown
// account is answered exactly as a known one, locks the same way and costs the same argon2 work, so neither
// the message nor its timing tells whether the account exists.
import { hash, verify } from "@node-rs/argon2";
import { writeAudit } from "@/lib/audit/log";
import { config } from "@/lib/config/env";
import type { Db } from "@/lib/db/client";
import { blockedUntil, clearAccount, countAttempt, MAX_FAILED_SIGN_INS } from "./sign-in-throttle";

export type SignInResult =
  | { ok: true; user: SessionUser }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "locked" | "rate_limited"; retryAt: Date };

export interface SessionUser {
  id: number;
  accountCode: string;
  name: string;
  role: "ENTERPRISE_USER" | "CUSTOMS_ADMIN";
  enterpriseId: number | null;
  enterpriseName: string | null;
  customsCode: string | null;
}

let unknownAccountHash: Promise<string> | undefined;

export async function verifyCredentials(options: {
  db: Db;
  accountCode: string;
  password: string;
  ip?: string | null;
  now?: Date;
}): Promise<SignInResult> {
  const { db, accountCode, password, ip } = options;
  const now = options.now ?? new Date();
  const user = await db.user.findUnique({ where: { accountCode }, include: { enterprise: true } });
  const refuse = async (result: Exclude<SignInResult, { ok: true }>) => {
    await writeAudit(db, {
      action: "LOGIN_FAILED", outcome: "REFUSED", actorUserId: user?.id, actorAccount: accountCode.slice(0, 20),
      enterpriseId: user?.enterpriseId, ip,
      detail: "retryAt" in result ? { reason: result.reason, retryAt: result.retryAt.toISOString() } : { reason: result.reason },
    });
    return result;
  };

  // Attempts whose IP cannot be told (no X-Forwarded-For) share one count rather than escaping the limit.
  const ipKey = ip || "unknown";
  const ipBlock = await blockedUntil(db, "IP", ipKey, now);
  if (ipBlock) return refuse({ ok: false, reason: "rate_limited", retryAt: ipBlock });
  await countAttempt(db, "IP", ipKey, config().SIGN_IN_ATTEMPTS_PER_IP, now);
  const accountLock = await blockedUntil(db, "ACCOUNT", accountCode, now);
  if (accountLock) return refuse({ ok: false, reason: "locked", retryAt: accountLock });

  unknownAccountHash ??= hash("no such account");
  if (!(await verify(user?.passwordHash ?? (await unknownAccountHash), password)) || !user) {
    const lockedUntil = await countAttempt(db, "ACCOUNT", accountCode, MAX_FAILED_SIGN_INS, now);
    return refuse(lockedUntil ? { ok: false, reason: "locked", retryAt: lockedUntil } : { ok: false, reason: "invalid" });
  }

  await clearAccount(db, accountCode);
  await db.user.update({ where: { id: user.id }, data: { lastSignedInAt: now } });
  await writeAudit(db, { action: "LOGIN", actorUserId: user.id, actorAccount: user.accountCode, enterpriseId: user.enterpriseId, ip });
  return {
    ok: true,
    user: {
      id: user.id,
      accountCode: user.accountCode,
      name: user.name,
      role: user.role,
      enterpriseId: user.enterpriseId,
      enterpriseName: user.enterprise?.name ?? null,
      customsCode: user.enterprise?.customsCode ?? null,
    },
  };
}
