// A signed-in user refused by an admin function (R20): who, from where, what was refused and why.
import type { SessionUser } from "@/lib/auth/credentials";
import { db } from "@/lib/db/client";
import type { Refusal } from "@/lib/errors";
import { writeAudit } from "./log";

export function auditRefusal(options: { user: SessionUser; target: string; refusal: Refusal; ip: string | null }): Promise<void> {
  const { user } = options;
  return writeAudit(db, {
    action: "ACTION_REFUSED",
    outcome: "REFUSED",
    actorUserId: user.id,
    actorAccount: user.accountCode,
    enterpriseId: user.enterpriseId,
    targetType: options.target,
    detail: { reason: options.refusal.key, values: options.refusal.values },
    ip: options.ip,
  });
}
