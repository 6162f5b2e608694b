// Recording delivery attempts (R15). Each record claims its attempt with the attempt count the POST was made
// after (attemptCount = expected), so of two runs of one attempt (a duplicate job, a detached POST and its
// backstop) only the first records and the second does nothing. A client's health (failingSince,
// lastDeliveredAt: lib/import-clients/pause.ts) is kept by data messages only.
import { pgPool, type Db } from "@/lib/db/client";
import { noteClientFailure } from "@/lib/pushes/client-pause";
import { deliveryJob } from "@/lib/jobs/definitions/delivery";
import { sendJob } from "@/lib/jobs/send";
import type { PostOutcome } from "./post-message";

export type DeliveryOutcome = "DELIVERED" | "RETRY_SCHEDULED" | "FAILED" | "SKIPPED" | "CLIENT_PAUSED";

export interface PostedAttempt {
  pushMessageId: number;
  importClientId: number;
  resend: boolean;
  /** The message's attempt count when it was posted. */
  attemptCount: number;
  /** A data message; a test message never counts towards its client's health and is not retried. */
  isData: boolean;
  outcome: PostOutcome;
}

/**
 * The successful attempts of a batch in one statement (one round trip instead of a statement per message,
 * which bounded delivery throughput): claim each attempt, mark the message 下发成功, record the attempt and
 * clear the failingSince of the data messages' clients. A client's row is written only when that changes
 * something (failing, or lastDeliveredAt a second old), so concurrent batches do not queue on its row lock.
 * Returns the ids recorded; the others were recorded by another run.
 */
export async function recordDelivered(attempts: PostedAttempt[]): Promise<Set<number>> {
  if (attempts.length === 0) return new Set();
  const column = <T>(pick: (a: PostedAttempt) => T) => attempts.map(pick);
  const { rows } = await pgPool().query<{ pushMessageId: number }>(RECORD_DELIVERED_SQL, [
    column((a) => a.pushMessageId),
    column((a) => a.importClientId),
    column((a) => a.attemptCount),
    column((a) => a.resend),
    column((a) => a.isData),
    column((a) => a.outcome.startedAt.toISOString()),
    column((a) => a.outcome.durationMs),
    column((a) => a.outcome.httpStatus),
  ]);
  return new Set(rows.map((r) => r.pushMessageId));
}

// On pg directly: a batch's arrays need no trip through Prisma's query engine. `id = ANY($1)` as well as the join
// with the unnest: a plan by primary key however fresh the table's statistics.
const RECORD_DELIVERED_SQL = `
  WITH posted AS (
    SELECT * FROM unnest($1::int[], $2::int[], $3::int[], $4::boolean[], $5::boolean[], $6::timestamptz[], $7::int[], $8::int[])
      AS t(id, "importClientId", "attemptCount", "isResend", "isData", "startedAt", "durationMs", "httpStatus")
  ), claimed AS (
    UPDATE "PushMessage" m
    SET "attemptCount" = posted."attemptCount" + 1, "lastError" = NULL, "dispatchStatus" = 'DELIVERED', "deliveredAt" = now()
    FROM posted
    WHERE m.id = ANY($1::int[]) AND m.id = posted.id AND m."attemptCount" = posted."attemptCount"
    RETURNING posted.*
  ), healthy AS (
    UPDATE "ImportClient" c SET "failingSince" = NULL, "lastDeliveredAt" = now()
    WHERE c.id IN (SELECT "importClientId" FROM claimed WHERE "isData")
      AND (c."failingSince" IS NOT NULL OR c."lastDeliveredAt" IS NULL OR c."lastDeliveredAt" < now() - interval '1 second')
  )
  INSERT INTO "DeliveryAttempt" ("pushMessageId", "importClientId", "attemptNo", "isResend", "startedAt", "durationMs", "httpStatus", "delivered")
  SELECT id, "importClientId", "attemptCount" + 1, "isResend", "startedAt", "durationMs", "httpStatus", true FROM claimed
  RETURNING "pushMessageId"`;

/**
 * A failed attempt, in one transaction with its consequences so a crash never loses the retry chain: the
 * attempt record, the next retry's job or 下发失败 after the schedule, and noting (maybe pausing) a failing client.
 */
export async function recordFailed(options: {
  db: Db;
  attempt: PostedAttempt;
  /** The retry series restarts with a resend and with a resume of the client. */
  seriesStart: Date | null;
  retrySchedule: number[];
  /** The client's failingSince as read with the message. */
  failingSince: Date | null;
  /** A failed probe: the message waits for the paused client instead of being retried. */
  keepWaiting: boolean;
}): Promise<DeliveryOutcome> {
  const { db, attempt, seriesStart, retrySchedule } = options;
  const { pushMessageId, importClientId, resend, attemptCount, outcome } = attempt;
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
        pushMessageId,
        importClientId,
        attemptNo,
        isResend: resend,
        startedAt: outcome.startedAt,
        durationMs: outcome.durationMs,
        httpStatus: outcome.httpStatus,
        error: outcome.error,
        delivered: false,
      },
    });
    if (attempt.isData) await noteClientFailure({ tx, importClientId, failingSince: options.failingSince, failedAt: outcome.startedAt });
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
