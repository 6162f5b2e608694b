// A signed-in user refused by an admin function (R20): who, from where, what was refused and why.
import type { SessionUser } from "@/lib/auth/credentials";
import { db } from "@/lib/db/client";
import { writeAudit } from "./log";

export function auditRefusal(options: { user: SessionUser; target: string; reason: string; ip: string | null }): Promise<void> {
  const { user } = options;
  return writeAudit(db, {
    action: "ACTION_REFUSED",
    outcome: "REFUSED",
    actorUserId: user.id,
    actorAccount: user.accountCode,
    enterpriseId: user.enterpriseId,
    targetType: options.target,
    detail: { reason: options.reason },
    ip: options.ip,
  });
}
