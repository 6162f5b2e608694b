// A signed-in user refused by an admin function (R20): who, from where, what was refused and why.
import type { SessionUser } from "@/lib/auth/credentials";
import { db } from "@/lib/db/client";
import type { Refusal } from "@/lib/errors";
import { writeAudit } from "./log";

export function auditRefusal(options: {
  user: SessionUser;
  /** The refused action; the target when no subject is known. */
  target: string;
  /** What the refused action was about (e.g. the manual change whose approval was refused). */
  subject?: { type: string; id: string | number };
  refusal: Refusal;
  ip: string | null;
}): Promise<void> {
  const { user, subject } = options;
  return writeAudit(db, {
    action: "ACTION_REFUSED",
    outcome: "REFUSED",
    actorUserId: user.id,
    actorAccount: user.accountCode,
    enterpriseId: user.enterpriseId,
    targetType: subject?.type ?? options.target,
    targetId: subject?.id,
    detail: { ...(subject ? { action: options.target } : {}), reason: options.refusal.key, values: options.refusal.values },
    ip: options.ip,
  });
}
