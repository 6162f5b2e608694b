// Password sign-in with argon2, throttled per account code and client IP (sign-in-throttle.ts). An unknown
// account is answered exactly as a known one, is throttled the same way and costs the same argon2 work, so
// neither the message nor its timing tells whether the account exists. A disabled account is told so only
// after its password was right.
import { hash, verify } from "@node-rs/argon2";
import { writeAudit } from "@/lib/audit/log";
import type { Db } from "@/lib/db/client";
import { throttledCheck, type ThrottleReason } from "./sign-in-throttle";

export type SignInResult =
  | { ok: true; user: SessionUser; sessionVersion: number }
  | { ok: false; reason: "invalid" | "disabled" }
  | { ok: false; reason: ThrottleReason; retryAt: Date };

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

/** argon2 verification; an unknown account is checked against a fixed hash, so that it costs the same. */
export async function passwordMatches(passwordHash: string | undefined, password: string): Promise<boolean> {
  unknownAccountHash ??= hash("no such account");
  const matches = await verify(passwordHash ?? (await unknownAccountHash), password);
  return matches && passwordHash !== undefined;
}

export async function verifyCredentials(options: {
  db: Db;
  accountCode: string;
  password: string;
  ip?: string | null;
  now?: Date;
}): Promise<SignInResult> {
  const { db, accountCode, password } = options;
  const ip = options.ip ?? null;
  const now = options.now ?? new Date();
  const user = await db.user.findUnique({ where: { accountCode }, include: { enterprise: true } });
  const refuse = async (result: Exclude<SignInResult, { ok: true }>) => {
    await writeAudit(db, {
      action: "LOGIN_FAILED",
      outcome: "REFUSED",
      actorUserId: user?.id,
      actorAccount: accountCode.slice(0, 20),
      enterpriseId: user?.enterpriseId,
      ip,
      detail: "retryAt" in result ? { reason: result.reason, retryAt: result.retryAt.toISOString() } : { reason: result.reason },
    });
    return result;
  };

  const checked = await throttledCheck({ db, accountCode, ip, now, check: () => passwordMatches(user?.passwordHash, password) });
  if (!checked.ok) return refuse(checked);
  if (!user) return refuse({ ok: false, reason: "invalid" }); // not reached: no hash never matches
  if (user.disabledAt) return refuse({ ok: false, reason: "disabled" });

  const { sessionVersion } = await db.user.update({ where: { id: user.id }, data: { lastSignedInAt: now }, select: { sessionVersion: true } });
  await writeAudit(db, { action: "LOGIN", actorUserId: user.id, actorAccount: user.accountCode, enterpriseId: user.enterpriseId, ip });
  return {
    ok: true,
    sessionVersion,
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
