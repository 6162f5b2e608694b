// R15: deliver one message and record the attempt. Guards make the job safe to run more than once: a job
// names the attempt count it expects (afterAttempt), so a duplicate or superseded job does nothing, and a
// delivered message is posted again only for a resend. The attempt record, the status change, the next
// retry's job and pausing a failing client are written in one transaction, so a crash never loses the retry chain.
import type { Db } from "@/lib/db/client";
import { metrics } from "@/lib/metrics/registry";
import { pauseClientIfFailing } from "@/lib/import-clients/pause";
import { deliveryJob } from "@/lib/jobs/definitions/delivery";
import { sendJob } from "@/lib/jobs/send";
import { deliveryRetryScheduleSeconds } from "./delivery-settings";
import { postPushMessage, type PostOutcome } from "./post-message";
import type { PushMessageType } from "./xml";

export type DeliveryOutcome = "DELIVERED" | "RETRY_SCHEDULED" | "FAILED" | "SKIPPED" | "CLIENT_PAUSED";

export async function deliverPushMessage(options: {
  db: Db;
  pushMessageId: number;
  resend?: boolean;
  afterAttempt?: number;
  /** The stored body's UTF-8 bytes when the caller has them (lib/pushes/deliver-inline.ts); else it is read. */
  body?: Buffer<ArrayBuffer>;
}): Promise<DeliveryOutcome> {
  const { db, pushMessageId, afterAttempt } = options;
  const resend = options.resend ?? false;
  const message = await db.pushMessage.findUnique({
    where: { id: pushMessageId },
    select: {
      messageId: true, body: options.body === undefined, type: true, dispatchStatus: true, attemptCount: true, resentAt: true, importClientId: true,
      importClient: { select: { endpointUrl: true, status: true } },
    },
  });
  if (!message) return "SKIPPED";
  if (afterAttempt !== undefined && message.attemptCount !== afterAttempt) return "SKIPPED";
  if (!resend && message.dispatchStatus !== "PENDING") return "SKIPPED";
  // Not an attempt: a paused client's data message waits as 待下发, its retries untouched, and no job is kept
  // for it; resuming the client delivers every waiting message in order (lib/import-clients/resume.ts). A test
  // message is the enterprise checking the client, so it goes through.
  if (message.importClient.status === "PAUSED" && message.type !== "TEST") return "CLIENT_PAUSED";

  const body = options.body ?? message.body;
  const outcome = await postPushMessage({ endpointUrl: message.importClient.endpointUrl, messageId: message.messageId, body });
  const result = await recordAttempt({
    db, pushMessageId, importClientId: message.importClientId, resend, attemptCount: message.attemptCount, resentAt: message.resentAt,
    // A test message reports the client's state now: one attempt, no retries hours later.
    retrySchedule: message.type === "TEST" ? [] : deliveryRetryScheduleSeconds(),
    outcome,
  });
  countAttempt(message.type, outcome.durationMs, result);
  return result;
}

/** Counted once the attempt's transaction has committed (docs/operations.md). */
function countAttempt(type: PushMessageType, durationMs: number, result: DeliveryOutcome) {
  if (result === "SKIPPED") return;
  metrics.deliveryLatency.observe(durationMs / 1000);
  if (result === "DELIVERED") metrics.messagesDelivered.inc({ type });
  else if (result === "FAILED") metrics.messagesFailed.inc({ type });
  else if (result === "RETRY_SCHEDULED") metrics.deliveryRetries.inc();
}

async function recordAttempt(options: {
  db: Db;
  pushMessageId: number;
  importClientId: number;
  resend: boolean;
  attemptCount: number;
  resentAt: Date | null;
  retrySchedule: number[];
  outcome: PostOutcome;
}): Promise<DeliveryOutcome> {
  const { db, pushMessageId, importClientId, resend, attemptCount, resentAt, retrySchedule, outcome } = options;
  const attemptNo = attemptCount + 1;
  if (outcome.delivered) return recordDelivered({ db, pushMessageId, importClientId, resend, attemptCount, ...outcome });
  return db.$transaction(async (tx) => {
    // Another run of the same attempt got here first: it records, this one does not.
    const claimed = await tx.pushMessage.updateMany({
      where: { id: pushMessageId, attemptCount },
      data: { attemptCount: attemptNo, lastError: outcome.error },
    });
    if (claimed.count === 0) return "SKIPPED";
    await tx.deliveryAttempt.create({
      data: {
        pushMessageId, importClientId, attemptNo, isResend: resend, startedAt: outcome.startedAt, durationMs: outcome.durationMs,
        httpStatus: outcome.httpStatus, error: outcome.error, delivered: outcome.delivered,
      },
    });
    await pauseClientIfFailing({ tx, importClientId });
    // The retry schedule restarts with a resend: count only the attempts since the last one.
    const attemptsInSeries = await tx.deliveryAttempt.count({
      where: { pushMessageId, ...(resentAt ? { startedAt: { gte: resentAt } } : {}) },
    });
    if (attemptsInSeries <= retrySchedule.length) {
      await sendJob(deliveryJob, { pushMessageId, resend, afterAttempt: attemptNo }, { tx, startAfter: retrySchedule[attemptsInSeries - 1] });
      return "RETRY_SCHEDULED";
    }
    await tx.pushMessage.update({ where: { id: pushMessageId }, data: { dispatchStatus: "FAILED" } });
    return "FAILED";
  });
}

/**
 * The common case in one statement (one round trip instead of a five-statement transaction, which bounded
 * delivery throughput): claim the attempt, mark the message 下发成功 and record the attempt, atomically.
 */
async function recordDelivered(options: {
  db: Db;
  pushMessageId: number;
  importClientId: number;
  resend: boolean;
  attemptCount: number;
  startedAt: Date;
  durationMs: number;
  httpStatus: number | null;
}): Promise<DeliveryOutcome> {
  const { db, pushMessageId, importClientId, resend, attemptCount, startedAt, durationMs, httpStatus } = options;
  const attemptNo = attemptCount + 1;
  const recorded = await db.$queryRaw<{ id: number }[]>`
    WITH claimed AS (
      UPDATE "PushMessage"
      SET "attemptCount" = ${attemptNo}, "lastError" = NULL, "dispatchStatus" = 'DELIVERED', "deliveredAt" = now()
      WHERE id = ${pushMessageId} AND "attemptCount" = ${attemptCount}
      RETURNING id
    )
    INSERT INTO "DeliveryAttempt" ("pushMessageId", "importClientId", "attemptNo", "isResend", "startedAt", "durationMs", "httpStatus", "delivered")
    SELECT id, ${importClientId}, ${attemptNo}, ${resend}, ${startedAt}, ${durationMs}, ${httpStatus}, true FROM claimed
    RETURNING id`;
  // Another run of the same attempt got here first: it records, this one does not.
  return recorded.length > 0 ? "DELIVERED" : "SKIPPED";
}
