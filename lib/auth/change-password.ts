// 修改密码 by the signed-in user: the current password is checked under the sign-in throttle (a stolen session
// must not become a way to guess it), the new one is stored as argon2, and every session of the user ends.
import { hash } from "@node-rs/argon2";
import { writeAudit } from "@/lib/audit/log";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { formatShanghaiTime } from "@/lib/time/shanghai";
import type { TChangePassword } from "@/lib/validations/password";
import { passwordMatches } from "./credentials";
import { endSessions } from "./session-version";
import { throttledCheck } from "./sign-in-throttle";

export async function changePassword(options: {
  db: Db;
  user: { id: number; accountCode: string };
  ip: string | null;
  input: TChangePassword;
  now?: Date;
}): Promise<void> {
  const { db, user, ip, input } = options;
  if (input.newPassword.toUpperCase() === user.accountCode.toUpperCase()) {
    throw new AppError("INVALID_INPUT", "auth.passwordSameAsAccount", undefined, { newPassword: { key: "auth.passwordSameAsAccount" } });
  }
  const account = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true, enterpriseId: true } });
  const audit = {
    action: "PASSWORD_CHANGE",
    actorUserId: user.id,
    actorAccount: user.accountCode,
    enterpriseId: account.enterpriseId,
    targetType: "User",
    targetId: user.accountCode,
    ip,
  } as const;

  const checked = await throttledCheck({
    db,
    accountCode: user.accountCode,
    ip,
    now: options.now ?? new Date(),
    check: () => passwordMatches(account.passwordHash, input.currentPassword),
  });
  if (!checked.ok) {
    await writeAudit(db, { ...audit, outcome: "REFUSED", detail: { reason: checked.reason } });
    if (checked.reason === "invalid")
      throw new AppError("INVALID_INPUT", "auth.currentPasswordWrong", undefined, { currentPassword: { key: "auth.currentPasswordWrong" } });
    throw new AppError("RULE_VIOLATION", "auth.tooManyAttempts", { retryAt: formatShanghaiTime(checked.retryAt) });
  }

  const passwordHash = await hash(input.newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    await endSessions(tx, { id: user.id });
    await writeAudit(tx, audit);
  });
}
