// 取消订阅 (manual §3, R10): only a record with an ACTIVE incremental part; nothing is pushed for it afterwards.
import { writeAudit } from "@/lib/audit/log";
import type { Prisma } from "@/lib/db/client";
import type { EnterpriseScope } from "@/lib/db/tenancy";
import { findActiveIncremental } from "./rules";

export async function cancelSubscription(options: {
  tx: Prisma.TransactionClient;
  scope: EnterpriseScope;
  actor: { userId: number; accountCode: string; ip?: string | null };
  card: { cardNo: string };
  signature: string;
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
    action: "CANCEL", actorUserId: options.actor.userId, actorAccount: options.actor.accountCode, enterpriseId: options.scope.enterpriseId,
    targetType: "Subscription", targetId: subscription.id, cardNo: options.card.cardNo, signature: options.signature, ip: options.actor.ip,
  });
  return updated;
}
