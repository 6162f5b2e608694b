// 延期 (manual §4, R11): a later end date, after today, at most one year from today.
import { writeAudit, type SignedAudit } from "@/lib/audit/log";
import type { Prisma } from "@/lib/db/client";
import type { EnterpriseScope } from "@/lib/db/tenancy";
import { findActiveIncremental, validUntilFromDay } from "./rules";

export async function extendSubscription(options: {
  tx: Prisma.TransactionClient;
  scope: EnterpriseScope;
  audit: SignedAudit;
  subscriptionId: number;
  validUntil: string;
  now?: Date;
}) {
  const now = options.now ?? new Date();
  const subscription = await findActiveIncremental(options.tx, options.scope, options.subscriptionId, now);
  const validUntil = validUntilFromDay(options.validUntil, now, { after: subscription.validUntil });
  const updated = await options.tx.subscription.update({ where: { id: subscription.id }, data: { validUntil } });
  await writeAudit(options.tx, {
    action: "EXTEND",
    ...options.audit,
    enterpriseId: options.scope.enterpriseId,
    targetType: "Subscription",
    targetId: subscription.id,
    detail: { from: subscription.validUntil.toISOString(), to: validUntil.toISOString() },
  });
  return updated;
}
