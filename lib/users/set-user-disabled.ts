// 停用 / 启用 by a customs admin: a disabled user cannot sign in, and disabling ends all their sessions at once
// (lib/auth/session-version.ts). An admin cannot disable himself, so that some admin always remains able to act.
import { writeAudit } from "@/lib/audit/log";
import { endSessions } from "@/lib/auth/session-version";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { TSetUserDisabled } from "@/lib/validations/user-status";

export async function setUserDisabled(options: {
  db: Db;
  admin: { userId: number; accountCode: string; ip?: string | null };
  input: TSetUserDisabled;
  now?: Date;
}): Promise<void> {
  const { db, admin, input } = options;
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { accountCode: input.accountCode }, select: { id: true, enterpriseId: true, disabledAt: true } });
    if (!user) throw new AppError("NOT_FOUND", "users.notFound", undefined, { accountCode: { key: "users.noSuchAccount" } });
    if (input.disabled && user.id === admin.userId) throw new AppError("RULE_VIOLATION", "users.cannotDisableSelf");
    if (input.disabled) {
      // Disabling again keeps the first time; the sessions end either way.
      await tx.user.update({ where: { id: user.id }, data: { disabledAt: user.disabledAt ?? options.now ?? new Date() } });
      await endSessions(tx, { id: user.id });
    } else {
      await tx.user.update({ where: { id: user.id }, data: { disabledAt: null } });
    }
    await writeAudit(tx, {
      action: input.disabled ? "USER_DISABLE" : "USER_ENABLE",
      actorUserId: admin.userId,
      actorAccount: admin.accountCode,
      enterpriseId: user.enterpriseId,
      targetType: "User",
      targetId: input.accountCode,
      ip: admin.ip,
    });
  });
}
