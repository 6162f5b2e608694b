// Password sign-in with argon2 and a per-account lockout: 5 failures lock the account for 15 minutes.
import { verify } from "@node-rs/argon2";
import { writeAudit } from "@/lib/audit/log";
import type { Db } from "@/lib/db/client";

export const MAX_FAILED_SIGN_INS = 5;
export const LOCKOUT_MINUTES = 15;

export type SignInResult =
  | { ok: true; user: SessionUser }
  | { ok: false; reason: "invalid" | "locked" };

export interface SessionUser {
  id: number;
  accountCode: string;
  name: string;
  role: "ENTERPRISE_USER" | "CUSTOMS_ADMIN";
  enterpriseId: number | null;
  enterpriseName: string | null;
  customsCode: string | null;
}

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
  const refuse = async (reason: "invalid" | "locked") => {
    await writeAudit(db, {
      action: "LOGIN_FAILED", outcome: "REFUSED", actorUserId: user?.id, actorAccount: accountCode.slice(0, 20),
      enterpriseId: user?.enterpriseId, detail: { reason }, ip,
    });
    return { ok: false as const, reason };
  };
  if (!user) return refuse("invalid");
  if (user.lockedUntil && user.lockedUntil > now) return refuse("locked");

  if (!(await verify(user.passwordHash, password))) {
    const failed = user.failedSignIns + 1;
    const lock = failed >= MAX_FAILED_SIGN_INS;
    await db.user.update({
      where: { id: user.id },
      data: { failedSignIns: lock ? 0 : failed, lockedUntil: lock ? new Date(now.getTime() + LOCKOUT_MINUTES * 60_000) : null },
    });
    return refuse(lock ? "locked" : "invalid");
  }

  await db.user.update({ where: { id: user.id }, data: { failedSignIns: 0, lockedUntil: null, lastSignedInAt: now } });
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
