// R17: resend delivers the same message (same id, same body) again to its client. Only the enterprise's own
// messages: if any id is unknown or another enterprise's, nothing changes. Runs inside the caller's
// transaction (the signed action's, which also consumes the card challenge) and audits who signed it (R20).
import { z } from "zod";
import { writeAudit, type SignedAudit } from "@/lib/audit/log";
import type { Prisma } from "@/lib/db/client";
import { ownedBy, type EnterpriseScope } from "@/lib/db/tenancy";
import { AppError } from "@/lib/errors";
import { deliveryJob } from "@/lib/jobs/definitions/delivery";
import { sendJob } from "@/lib/jobs/send";
import { ZMessageId } from "@/lib/validations/identifiers";
import { parseOrThrow } from "@/lib/validations/parse";

export const MAX_RESEND = 500;
export const ZResendMessageIds = z.array(ZMessageId).min(1, "pushes.resendNoneChosen").max(MAX_RESEND, "pushes.resendTooMany");

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
    await writeAudit(tx, {
      action: "RESEND",
      ...audit,
      enterpriseId: scope.enterpriseId,
      targetType: "PushMessage",
      targetId: messageIds.length === 1 ? messageIds[0] : undefined,
      detail: { messageIds },
    });
  }
  return { resentAt, messageIds };
}
