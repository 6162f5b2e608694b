// 取消订阅 (manual §3, R10): only a record with an ACTIVE incremental part; nothing is pushed for it afterwards.
import { writeAudit, type SignedAudit } from "@/lib/audit/log";
import type { Prisma } from "@/lib/db/client";
import type { EnterpriseScope } from "@/lib/db/tenancy";
import { findActiveIncremental } from "./rules";

export async function cancelSubscription(options: {
  tx: Prisma.TransactionClient;
  scope: EnterpriseScope;
  audit: SignedAudit;
  subscriptionId: number;
  now?: Date;
}) {
  const now = options.now ?? new Date();
  const subscription = await findActiveIncremental(options.tx, options.scope, options.subscriptionId, now);
  const updated = await options.tx.subscription.update({
    where: { id: subscription.id },
    data: { status: "CANCELLED", cancelledAt: now },
  });
  await writeAudit(options.tx, {
    action: "CANCEL",
    ...options.audit,
    enterpriseId: options.scope.enterpriseId,
    targetType: "Subscription",
    targetId: subscription.id,
  });
  return updated;
}
