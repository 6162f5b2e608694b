// 修改下发方式: an import client switches between 推送 and 拉取 at any moment without a message lost or delivered
// twice (docs/delivery-protocol.md B.1). To 拉取: the push worker's guard skips the client's messages from the
// commit on, and pulls offer nothing for PULL_SWITCH_GRACE_MS, until a POST begun before has ended. To 推送: the
// waiting messages not leased get their delivery jobs in this transaction; a leased one is left to its lease
// (acknowledged, or posted once it expires: lib/pull/expire-leases.ts).
import type { Prisma } from "@/lib/db/client";
import { ownedBy, type EnterpriseScope } from "@/lib/db/tenancy";
import { AppError } from "@/lib/errors";
import { deliveryJob } from "@/lib/jobs/definitions/delivery";
import { sendJobs } from "@/lib/jobs/send";
import type { DeliveryMode } from "@/lib/validations/delivery-mode";
import { auditClientChange, type SignedClientAudit } from "./audit";

/** The client as the switch needs it; another enterprise's reads as unknown (find-owned.ts). */
export async function findClientForModeChange(options: {
  db: Prisma.TransactionClient;
  scope: EnterpriseScope;
  clientId: string;
  deliveryMode: DeliveryMode;
}) {
  const client = await options.db.importClient.findFirst({
    where: { ...ownedBy(options.scope), clientId: options.clientId },
    select: { id: true, clientId: true, deliveryMode: true },
  });
  if (!client) throw new AppError("NOT_FOUND", "importClients.notFound");
  if (client.deliveryMode === options.deliveryMode)
    throw new AppError("RULE_VIOLATION", "importClients.deliveryModeUnchanged", { clientId: client.clientId });
  return client;
}

export async function changeDeliveryMode(options: {
  tx: Prisma.TransactionClient;
  scope: EnterpriseScope;
  clientId: string;
  deliveryMode: DeliveryMode;
  audit: SignedClientAudit;
  now?: Date;
}): Promise<{ deliveryMode: DeliveryMode; queued: number }> {
  const { tx, scope, clientId, deliveryMode } = options;
  const client = await findClientForModeChange({ db: tx, scope, clientId, deliveryMode });
  // Conditional: of two concurrent switches only one changes the mode (and queues its messages).
  const { count } = await tx.importClient.updateMany({
    where: { id: client.id, deliveryMode: client.deliveryMode },
    data: { deliveryMode, deliveryModeChangedAt: options.now ?? new Date() },
  });
  if (count === 0) throw new AppError("RULE_VIOLATION", "importClients.deliveryModeUnchanged", { clientId });
  const waiting =
    deliveryMode === "PUSH"
      ? await tx.pushMessage.findMany({
          where: { ...ownedBy(scope), importClientId: client.id, dispatchStatus: "PENDING", leasedUntil: null },
          select: { id: true, attemptCount: true, resent: true },
          orderBy: { id: "asc" },
        })
      : [];
  await sendJobs(
    deliveryJob,
    waiting.map((message) => ({ pushMessageId: message.id, resend: message.resent, afterAttempt: message.attemptCount })),
    { tx },
  );
  await auditClientChange({
    tx,
    action: "CLIENT_DELIVERY_MODE",
    scope,
    clientId,
    audit: options.audit,
    detail: { deliveryMode, previousDeliveryMode: client.deliveryMode, queued: waiting.length },
  });
  return { deliveryMode, queued: waiting.length };
}
