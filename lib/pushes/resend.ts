// R17: resend delivers the same message (same id, same body) again to its client. Only the enterprise's own
// messages: if any id is unknown or another enterprise's, nothing changes. Runs inside the caller's
// transaction (the signed action's, which also consumes the card challenge) and audits who signed it (R20).
import { writeAuditEntries, type SignedAudit } from "@/lib/audit/log";
import type { Prisma } from "@/lib/db/client";
import { ownedBy, type EnterpriseScope } from "@/lib/db/tenancy";
import { AppError } from "@/lib/errors";
import { deliveryJob } from "@/lib/jobs/definitions/delivery";
import { sendJob } from "@/lib/jobs/send";
import { parseOrThrow } from "@/lib/validations/parse";
import { ZResendMessageIds } from "@/lib/validations/push-log";

/** The enterprise's own messages of these (distinct) ids; if any is unknown or another enterprise's, none. */
export async function findOwnedMessages(options: { tx: Prisma.TransactionClient; scope: EnterpriseScope; messageIds: string[] }) {
  const messages = await options.tx.pushMessage.findMany({
    where: { ...ownedBy(options.scope), messageId: { in: options.messageIds } },
    select: { id: true, attemptCount: true },
  });
  if (messages.length !== options.messageIds.length) throw new AppError("NOT_FOUND", "pushes.resendNotFound");
  return messages;
}

export async function resendMessages(options: {
  tx: Prisma.TransactionClient;
  scope: EnterpriseScope;
  messageIds: string[];
  audit?: SignedAudit;
  now?: Date;
}): Promise<{ resentAt: Date; messageIds: string[] }> {
  const { tx, scope, audit } = options;
  const messageIds = [...new Set(parseOrThrow(ZResendMessageIds, options.messageIds))];
  const resentAt = options.now ?? new Date();

  const messages = await findOwnedMessages({ tx, scope, messageIds });
  await tx.pushMessage.updateMany({
    where: { id: { in: messages.map((m) => m.id) } },
    data: { resent: true, resentAt, dispatchStatus: "PENDING" },
  });
  for (const message of messages) {
    await sendJob(deliveryJob, { pushMessageId: message.id, resend: true, afterAttempt: message.attemptCount }, { tx });
  }
  if (audit) {
    // One entry per message, each with the act's signature, so that every message's trail holds its resends.
    await writeAuditEntries(
      tx,
      messageIds.map((messageId) => ({
        action: "RESEND" as const,
        ...audit,
        enterpriseId: scope.enterpriseId,
        targetType: "PushMessage",
        targetId: messageId,
        detail: { messageCount: messageIds.length },
      })),
    );
  }
  return { resentAt, messageIds };
}
