// R15: deliver one message and record the attempt. Guards make the job safe to run more than once: a job
// names the attempt count it expects (afterAttempt), so a duplicate or superseded job does nothing, and a
// delivered message is posted again only for a resend. The attempt record, the status change, the next
// retry's job and pausing a failing client are written in one transaction, so a crash never loses the retry chain.
// A client's health (failingSince, lastDeliveredAt: lib/import-clients/pause.ts) is kept by data messages only.
import type { Db } from "@/lib/db/client";
import { metrics } from "@/lib/metrics/registry";
import { noteClientFailure } from "@/lib/import-clients/pause";
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
  /**
   * The platform probing a paused client (lib/import-clients/probe.ts): the attempt is made and recorded, and a
   * failed data message goes on waiting, its retries untouched.
   */
  probe?: boolean;
}): Promise<DeliveryOutcome> {
  const { db, pushMessageId, afterAttempt } = options;
  const resend = options.resend ?? false;
  const probe = options.probe ?? false;
  const message = await db.pushMessage.findUnique({
    where: { id: pushMessageId },
    select: {
      messageId: true, body: options.body === undefined, type: true, dispatchStatus: true, attemptCount: true, resentAt: true, importClientId: true,
      importClient: { select: { endpointUrl: true, status: true, failingSince: true, resumedAt: true } },
    },
  });
  if (!message) return "SKIPPED";
  if (afterAttempt !== undefined && message.attemptCount !== afterAttempt) return "SKIPPED";
  if (!resend && message.dispatchStatus !== "PENDING") return "SKIPPED";
  // Not an attempt: a paused client's data message waits as 待下发, its retries untouched, and no job is kept
  // for it; resuming the client (恢复, or the platform's probe: lib/import-clients/probe.ts) delivers every waiting
  // message in order (lib/import-clients/resume.ts). A test message is the enterprise checking the client, so it
  // goes through.
  if (message.importClient.status === "PAUSED" && message.type !== "TEST" && !probe) return "CLIENT_PAUSED";

  const body = options.body ?? message.body;
  const outcome = await postPushMessage({ endpointUrl: message.importClient.endpointUrl, messageId: message.messageId, body });
  const isData = message.type !== "TEST";
  const { failingSince, resumedAt } = message.importClient;
  const result = await recordAttempt({
    db, pushMessageId, importClientId: message.importClientId, resend, attemptCount: message.attemptCount,
    // The retry schedule restarts with a resend and with a resume of the client (its probes came before that).
    seriesStart: latest(message.resentAt, resumedAt),
    // A test message reports the client's state now: one attempt, no retries hours later.
    retrySchedule: isData ? deliveryRetryScheduleSeconds() : [],
    client: isData ? { failingSince } : null,
    keepWaiting: probe && isData,
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

const latest = (a: Date | null, b: Date | null) => (a && b ? (a > b ? a : b) : (a ?? b));

async function recordAttempt(options: {
  db: Db;
  pushMessageId: number;
  importClientId: number;
  resend: boolean;
  attemptCount: number;
  seriesStart: Date | null;
  retrySchedule: number[];
  /** For a data message: the client's health as read with the message. Null: a test message, which never counts. */
  client: { failingSince: Date | null } | null;
  /** A failed probe: the message waits for the paused client instead of being retried. */
  keepWaiting: boolean;
  outcome: PostOutcome;
}): Promise<DeliveryOutcome> {
  const { db, pushMessageId, importClientId, resend, attemptCount, seriesStart, retrySchedule, client, outcome } = options;
  const attemptNo = attemptCount + 1;
  if (outcome.delivered) return recordDelivered({ db, pushMessageId, importClientId, resend, attemptCount, isData: client !== null, ...outcome });
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
    if (client) await noteClientFailure({ tx, importClientId, failingSince: client.failingSince, failedAt: outcome.startedAt });
    if (options.keepWaiting) return "CLIENT_PAUSED";
    const attemptsInSeries = await tx.deliveryAttempt.count({
      where: { pushMessageId, ...(seriesStart ? { startedAt: { gte: seriesStart } } : {}) },
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
 * delivery throughput): claim the attempt, mark the message 下发成功, record the attempt and, for a data message,
 * clear the client's failingSince, atomically. The client's row is written only when that changes something
 * (failing, or lastDeliveredAt a second old), so concurrent deliveries to one client do not queue on its row lock.
 */
async function recordDelivered(options: {
  db: Db;
  pushMessageId: number;
  importClientId: number;
  resend: boolean;
  attemptCount: number;
  isData: boolean;
  startedAt: Date;
  durationMs: number;
  httpStatus: number | null;
}): Promise<DeliveryOutcome> {
  const { db, pushMessageId, importClientId, resend, attemptCount, isData, startedAt, durationMs, httpStatus } = options;
  const attemptNo = attemptCount + 1;
  const recorded = await db.$queryRaw<{ id: number }[]>`
    WITH claimed AS (
      UPDATE "PushMessage"
      SET "attemptCount" = ${attemptNo}, "lastError" = NULL, "dispatchStatus" = 'DELIVERED', "deliveredAt" = now()
      WHERE id = ${pushMessageId} AND "attemptCount" = ${attemptCount}
      RETURNING id
    ), healthy AS (
      UPDATE "ImportClient" SET "failingSince" = NULL, "lastDeliveredAt" = now()
      WHERE id = ${importClientId} AND ${isData}::boolean AND EXISTS (SELECT 1 FROM claimed)
        AND ("failingSince" IS NOT NULL OR "lastDeliveredAt" IS NULL OR "lastDeliveredAt" < now() - interval '1 second')
    )
    INSERT INTO "DeliveryAttempt" ("pushMessageId", "importClientId", "attemptNo", "isResend", "startedAt", "durationMs", "httpStatus", "delivered")
    SELECT id, ${importClientId}, ${attemptNo}, ${resend}, ${startedAt}, ${durationMs}, ${httpStatus}, true FROM claimed
    RETURNING id`;
  // Another run of the same attempt got here first: it records, this one does not.
  return recorded.length > 0 ? "DELIVERED" : "SKIPPED";
}
