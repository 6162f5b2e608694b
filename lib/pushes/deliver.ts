// R15: deliver messages and record their attempts. Guards make a job safe to run more than once: a job names
// the attempt count it expects (afterAttempt), so a duplicate or superseded job does nothing, and a delivered
// message is posted again only for a resend. Any number of messages take one read, their POSTs side by side
// and one statement for the successes (record-attempts.ts); the delivery queue's batches go through
// deliver-batch.ts, which also keeps one slow client from holding up the others.
import { pgPool, type Db } from "@/lib/db/client";
import { metrics } from "@/lib/metrics/registry";
import { deliveryRetryScheduleSeconds } from "./delivery-settings";
import { postPushMessage, type PostOutcome } from "./post-message";
import { recordDelivered, recordFailed, type DeliveryOutcome, type PostedAttempt } from "./record-attempts";
import type { PushMessageType } from "./xml";

export type { DeliveryOutcome } from "./record-attempts";

export interface DeliveryRequest {
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
}

/** A message that passed its guards, with what posting and recording it need. */
export interface ReadyDelivery<R extends DeliveryRequest = DeliveryRequest> {
  request: R;
  pushMessageId: number;
  messageId: string;
  type: PushMessageType;
  importClientId: number;
  endpointUrl: string;
  attemptCount: number;
  body: string | Buffer<ArrayBuffer>;
  /** The retry schedule restarts with a resend and with a resume of the client (its probes came before that). */
  seriesStart: Date | null;
  failingSince: Date | null;
}

/** One message, every outcome awaited (the probe, a resume's waiting messages, tests). */
export async function deliverPushMessage(options: DeliveryRequest & { db: Db }): Promise<DeliveryOutcome> {
  const { db, ...request } = options;
  const [outcome] = await deliverPushMessages({ db, requests: [request] });
  return outcome;
}

/** Messages posted side by side, every outcome awaited; the outcomes in the order of the requests. */
export async function deliverPushMessages(options: { db: Db; requests: DeliveryRequest[] }): Promise<DeliveryOutcome[]> {
  const { db } = options;
  const prepared = await prepareDeliveries(options.requests);
  const ready = prepared.filter((p): p is ReadyDelivery => typeof p !== "string");
  const outcomes = await Promise.all(ready.map((delivery) => postDelivery(delivery)));
  const recorded = await recordPosted({ db, posted: ready.map((delivery, i) => ({ delivery, outcome: outcomes[i] })) });
  return prepared.map((p) => (typeof p === "string" ? p : recorded.get(p)!));
}

/**
 * One SELECT for the requests' messages with their clients; each request comes back ready to post or with
 * its outcome decided (SKIPPED, CLIENT_PAUSED). Of several requests for one message only one is posted, a
 * resend first.
 */
export async function prepareDeliveries<R extends DeliveryRequest>(requests: R[]): Promise<Array<ReadyDelivery<R> | DeliveryOutcome>> {
  const { rows } = await pgPool().query<MessageRow>(READ_SQL, [
    requests.map((r) => r.pushMessageId),
    requests.map((r) => r.afterAttempt ?? null),
    requests.map((r) => r.resend ?? false),
    requests.map((r) => r.body === undefined),
  ]);
  const byId = new Map(rows.map((row) => [row.id, row]));
  const taken = new Set<number>();
  const result: Array<ReadyDelivery<R> | DeliveryOutcome> = new Array(requests.length);
  const resendsFirst = requests.map((_, i) => i).sort((a, b) => Number(requests[b].resend ?? false) - Number(requests[a].resend ?? false));
  for (const i of resendsFirst) {
    const request = requests[i];
    const message = byId.get(request.pushMessageId);
    const decided = message ? guard(request, message) : "SKIPPED";
    if (decided) result[i] = decided;
    else if (taken.has(request.pushMessageId)) result[i] = "SKIPPED";
    else {
      taken.add(request.pushMessageId);
      result[i] = ready(request, message!);
    }
  }
  return result;
}

// On pg directly, as every statement carrying XML bodies (lib/db/sql.ts). The body only for a request that
// passes the attempt and status guards (as guard() below): a stock part's fallback job, finding its part delivered
// inline, does not read a megabyte to skip it. `id = ANY(array)` rather than a join with the unnest: the planner
// knows how many rows that is and keeps to the primary key however fresh the table's statistics.
const READ_SQL = `
  WITH r AS (SELECT * FROM unnest($1::int[], $2::int[], $3::boolean[], $4::boolean[]) AS r(id, "afterAttempt", resend, "readsBody"))
  SELECT m.id, m."messageId", m.type::text AS type, m."dispatchStatus"::text AS "dispatchStatus", m."attemptCount", m."resentAt",
    m."importClientId", c."endpointUrl", c.status::text AS "clientStatus", c."failingSince", c."resumedAt",
    c."deliveryMode"::text AS "deliveryMode", m."leasedUntil",
    CASE WHEN EXISTS (
      SELECT 1 FROM r WHERE r.id = m.id AND r."readsBody" AND coalesce(r."afterAttempt" = m."attemptCount", true)
        AND (r.resend OR m."dispatchStatus" = 'PENDING')
    ) THEN m.body END AS body
  FROM "PushMessage" m JOIN "ImportClient" c ON c.id = m."importClientId"
  WHERE m.id = ANY($1::int[])`;

interface MessageRow {
  id: number;
  messageId: string;
  type: PushMessageType;
  dispatchStatus: string;
  attemptCount: number;
  resentAt: Date | null;
  importClientId: number;
  body: string | null;
  endpointUrl: string;
  clientStatus: string;
  failingSince: Date | null;
  resumedAt: Date | null;
  deliveryMode: "PUSH" | "PULL";
  leasedUntil: Date | null;
}

function guard(request: DeliveryRequest, message: MessageRow): DeliveryOutcome | null {
  if (request.afterAttempt !== undefined && message.attemptCount !== request.afterAttempt) return "SKIPPED";
  if (!request.resend && message.dispatchStatus !== "PENDING") return "SKIPPED";
  // A pull-mode client takes its messages itself (lib/pull), and a message leased to it is left to its lease:
  // acknowledged, or expired, which sends its delivery job if the client has switched to 推送 (lib/pull/expire-leases.ts).
  if (message.deliveryMode === "PULL" || message.leasedUntil !== null) return "SKIPPED";
  // Not an attempt: a paused client's data message waits as 待下发, its retries untouched, and no job is kept
  // for it; resuming the client (恢复, or the platform's probe: lib/import-clients/probe.ts) delivers every waiting
  // message in order (lib/import-clients/resume.ts). A test message is the enterprise checking the client, so it
  // goes through.
  if (message.clientStatus === "PAUSED" && message.type !== "TEST" && !request.probe) return "CLIENT_PAUSED";
  return null;
}

function ready<R extends DeliveryRequest>(request: R, message: MessageRow): ReadyDelivery<R> {
  return {
    request,
    pushMessageId: message.id,
    messageId: message.messageId,
    type: message.type,
    importClientId: message.importClientId,
    endpointUrl: message.endpointUrl,
    attemptCount: message.attemptCount,
    body: request.body ?? message.body!,
    seriesStart: latest(message.resentAt, message.resumedAt),
    failingSince: message.failingSince,
  };
}

const latest = (a: Date | null, b: Date | null) => (a && b ? (a > b ? a : b) : (a ?? b));

export function postDelivery(delivery: ReadyDelivery): Promise<PostOutcome> {
  return postPushMessage({ endpointUrl: delivery.endpointUrl, messageId: delivery.messageId, body: delivery.body });
}

/** Records posted messages: the successes in one statement, each failure in its own transaction. */
export async function recordPosted(options: {
  db: Db;
  posted: Array<{ delivery: ReadyDelivery; outcome: PostOutcome }>;
}): Promise<Map<ReadyDelivery, DeliveryOutcome>> {
  const { db, posted } = options;
  const attempt = ({ delivery, outcome }: (typeof posted)[number]): PostedAttempt => ({
    pushMessageId: delivery.pushMessageId,
    importClientId: delivery.importClientId,
    resend: delivery.request.resend ?? false,
    attemptCount: delivery.attemptCount,
    isData: delivery.type !== "TEST",
    outcome,
  });
  const succeeded = posted.filter((p) => p.outcome.delivered);
  const failed = posted.filter((p) => !p.outcome.delivered);
  const [recorded, failures] = await Promise.all([
    recordDelivered(succeeded.map(attempt)),
    Promise.all(
      failed.map((p) =>
        recordFailed({
          db,
          attempt: attempt(p),
          seriesStart: p.delivery.seriesStart,
          failingSince: p.delivery.failingSince,
          // A test message reports the client's state now: one attempt, no retries hours later.
          retrySchedule: p.delivery.type !== "TEST" ? deliveryRetryScheduleSeconds() : [],
          keepWaiting: (p.delivery.request.probe ?? false) && p.delivery.type !== "TEST",
        }),
      ),
    ),
  ]);
  const outcomes = new Map<ReadyDelivery, DeliveryOutcome>();
  for (const p of succeeded) outcomes.set(p.delivery, recorded.has(p.delivery.pushMessageId) ? "DELIVERED" : "SKIPPED");
  failed.forEach((p, i) => outcomes.set(p.delivery, failures[i]));
  for (const p of posted) countAttempt(p.delivery.type, p.outcome.durationMs, outcomes.get(p.delivery)!);
  return outcomes;
}

/** Counted once the attempt is recorded (docs/operations.md). */
function countAttempt(type: PushMessageType, durationMs: number, result: DeliveryOutcome) {
  if (result === "SKIPPED") return;
  metrics.deliveryLatency.observe(durationMs / 1000);
  if (result === "DELIVERED") metrics.messagesDelivered.inc({ type });
  else if (result === "FAILED") metrics.messagesFailed.inc({ type });
  else if (result === "RETRY_SCHEDULED") metrics.deliveryRetries.inc();
}
