// R15: deliver one message and record the attempt. Guards make the job safe to run more than once: a job
// names the attempt count it expects (afterAttempt), so a duplicate or superseded job does nothing, and a
// delivered message is posted again only for a resend. The attempt record, the status change and the next
// retry's job are written in one transaction, so a crash never loses the retry chain.
import type { Db } from "@/lib/db/client";
import { deliveryJob } from "@/lib/jobs/definitions/delivery";
import { sendJob } from "@/lib/jobs/send";
import { deliveryRetryScheduleSeconds, pausedClientRecheckSeconds } from "./delivery-settings";
import { postPushMessage, type PostOutcome } from "./post-message";

export type DeliveryOutcome = "DELIVERED" | "RETRY_SCHEDULED" | "FAILED" | "SKIPPED" | "CLIENT_PAUSED";

export async function deliverPushMessage(options: {
  db: Db;
  pushMessageId: number;
  resend?: boolean;
  afterAttempt?: number;
}): Promise<DeliveryOutcome> {
  const { db, pushMessageId, afterAttempt } = options;
  const resend = options.resend ?? false;
  const message = await db.pushMessage.findUnique({
    where: { id: pushMessageId },
    select: {
      messageId: true, body: true, dispatchStatus: true, attemptCount: true, resentAt: true,
      importClient: { select: { endpointUrl: true, status: true } },
    },
  });
  if (!message) return "SKIPPED";
  if (afterAttempt !== undefined && message.attemptCount !== afterAttempt) return "SKIPPED";
  if (!resend && message.dispatchStatus !== "PENDING") return "SKIPPED";
  if (message.importClient.status === "PAUSED") {
    // Not an attempt: the message waits, with its retries untouched, until the client is active again.
    await sendJob(deliveryJob, { pushMessageId, resend, afterAttempt }, { startAfter: pausedClientRecheckSeconds() });
    return "CLIENT_PAUSED";
  }

  const outcome = await postPushMessage({ endpointUrl: message.importClient.endpointUrl, messageId: message.messageId, body: message.body });
  return recordAttempt({ db, pushMessageId, resend, attemptCount: message.attemptCount, resentAt: message.resentAt, outcome });
}

async function recordAttempt(options: {
  db: Db;
  pushMessageId: number;
  resend: boolean;
  attemptCount: number;
  resentAt: Date | null;
  outcome: PostOutcome;
}): Promise<DeliveryOutcome> {
  const { db, pushMessageId, resend, attemptCount, resentAt, outcome } = options;
  const attemptNo = attemptCount + 1;
  return db.$transaction(async (tx) => {
    // Another run of the same attempt got here first: it records, this one does not.
    const claimed = await tx.pushMessage.updateMany({
      where: { id: pushMessageId, attemptCount },
      data: { attemptCount: attemptNo, lastError: outcome.error },
    });
    if (claimed.count === 0) return "SKIPPED";
    await tx.deliveryAttempt.create({
      data: {
        pushMessageId, attemptNo, isResend: resend, startedAt: outcome.startedAt, durationMs: outcome.durationMs,
        httpStatus: outcome.httpStatus, error: outcome.error, delivered: outcome.delivered,
      },
    });
    if (outcome.delivered) {
      await tx.pushMessage.update({ where: { id: pushMessageId }, data: { dispatchStatus: "DELIVERED", deliveredAt: new Date() } });
      return "DELIVERED";
    }
    // The retry schedule restarts with a resend: count only the attempts since the last one.
    const attemptsInSeries = await tx.deliveryAttempt.count({
      where: { pushMessageId, ...(resentAt ? { startedAt: { gte: resentAt } } : {}) },
    });
    const schedule = deliveryRetryScheduleSeconds();
    if (attemptsInSeries <= schedule.length) {
      await sendJob(deliveryJob, { pushMessageId, resend, afterAttempt: attemptNo }, { tx, startAfter: schedule[attemptsInSeries - 1] });
      return "RETRY_SCHEDULED";
    }
    await tx.pushMessage.update({ where: { id: pushMessageId }, data: { dispatchStatus: "FAILED" } });
    return "FAILED";
  });
}
