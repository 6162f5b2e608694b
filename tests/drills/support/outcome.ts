// What a drill checks once a burst is over, read from the database and from the import client's inbox: every
// message's status, its attempt rows against its attempt count, the delivery jobs still held, and one complete
// file per message (its size the size of the stored body) with nothing else in the inbox.
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { db } from "@/lib/db/client";
import { JOB_SCHEMA } from "@/lib/jobs/boss";

export interface DeliveryOutcome {
  messages: number;
  delivered: number;
  pending: number;
  failed: number;
  attempts: number;
  deliveredAttempts: number;
  failedAttempts: number;
  /** Failed attempts without their error, delivered ones without a 2xx status: a half-written record. */
  incompleteAttempts: number;
  /** Messages tried more than once, and the most attempts one message took. */
  messagesRetried: number;
  maxAttempts: number;
  /** Messages whose attempt rows disagree with them: count ≠ attemptCount, numbers not 1…n, or 下发成功 without exactly one delivered attempt. */
  inconsistentMessages: number;
  /** Delivery jobs a worker holds (state active). */
  activeDeliveryJobs: number;
  /** Files in the manual's folder of the inbox, and in any other folder. */
  files: number;
  filesElsewhere: number;
  /** Delivered messages without a file, files of no message, files whose size is not the body's. */
  missingFiles: number;
  strayFiles: number;
  wrongSizeFiles: number;
}

const count = (value: bigint | number | null) => Number(value ?? 0);

/** What every drill expects once its burst is over: each of its messages delivered once, one whole file each. */
export function deliveredOnceEach(messages: number): Partial<DeliveryOutcome> {
  return {
    messages,
    delivered: messages,
    pending: 0,
    failed: 0,
    deliveredAttempts: messages,
    incompleteAttempts: 0,
    inconsistentMessages: 0,
    activeDeliveryJobs: 0,
    files: messages,
    filesElsewhere: 0,
    missingFiles: 0,
    strayFiles: 0,
    wrongSizeFiles: 0,
  };
}

/** Messages of the client 下发成功 now; for polling while a burst drains. */
export async function deliveredCount(importClientId: number): Promise<number> {
  return db.pushMessage.count({ where: { importClientId, dispatchStatus: "DELIVERED" } });
}

export async function readOutcome(options: { importClientId: number; emsNo: string; inbox: string }): Promise<DeliveryOutcome> {
  const { importClientId } = options;
  const [messages] = await db.$queryRaw<Record<string, bigint>[]>`
    SELECT count(*) AS messages,
           count(*) FILTER (WHERE "dispatchStatus" = 'DELIVERED') AS delivered,
           count(*) FILTER (WHERE "dispatchStatus" = 'PENDING') AS pending,
           count(*) FILTER (WHERE "dispatchStatus" = 'FAILED') AS failed,
           count(*) FILTER (WHERE "attemptCount" > 1) AS "messagesRetried",
           max("attemptCount") AS "maxAttempts"
    FROM "PushMessage" WHERE "importClientId" = ${importClientId}`;
  const [attempts] = await db.$queryRaw<Record<string, bigint>[]>`
    SELECT count(*) AS attempts,
           count(*) FILTER (WHERE delivered) AS "deliveredAttempts",
           count(*) FILTER (WHERE NOT delivered) AS "failedAttempts",
           count(*) FILTER (WHERE (NOT delivered AND error IS NULL) OR (delivered AND "httpStatus" NOT BETWEEN 200 AND 299)
                              OR "durationMs" < 0) AS "incompleteAttempts"
    FROM "DeliveryAttempt" WHERE "importClientId" = ${importClientId}`;
  const [consistency] = await db.$queryRaw<Record<string, bigint>[]>`
    SELECT count(*) AS "inconsistentMessages"
    FROM "PushMessage" m
    LEFT JOIN LATERAL (
      SELECT count(*) AS n, coalesce(max("attemptNo"), 0) AS last, count(DISTINCT "attemptNo") AS numbers,
             count(*) FILTER (WHERE delivered) AS delivered
      FROM "DeliveryAttempt" a WHERE a."pushMessageId" = m.id
    ) a ON true
    WHERE m."importClientId" = ${importClientId}
      AND (a.n <> m."attemptCount" OR a.last <> m."attemptCount" OR a.numbers <> a.n
           OR (m."dispatchStatus" = 'DELIVERED') <> (a.delivered = 1) OR a.delivered > 1
           OR (m."dispatchStatus" = 'DELIVERED' AND m."deliveredAt" IS NULL))`;
  const [jobs] = await db.$queryRawUnsafe<Record<string, bigint>[]>(
    `SELECT count(*) AS "activeDeliveryJobs" FROM ${JOB_SCHEMA}.job WHERE name = 'delivery' AND state = 'active'`,
  );
  const bodySizes = new Map(
    (
      await db.$queryRaw<{ messageId: string; dispatchStatus: string; bytes: number }[]>`
        SELECT "messageId", "dispatchStatus"::text AS "dispatchStatus", octet_length(body) AS bytes
        FROM "PushMessage" WHERE "importClientId" = ${importClientId}`
    ).map((m) => [m.messageId, m]),
  );
  const inbox = readInbox(options.inbox, options.emsNo);
  const deliveredIds = [...bodySizes.values()].filter((m) => m.dispatchStatus === "DELIVERED").map((m) => m.messageId);
  return {
    messages: count(messages.messages),
    delivered: count(messages.delivered),
    pending: count(messages.pending),
    failed: count(messages.failed),
    attempts: count(attempts.attempts),
    deliveredAttempts: count(attempts.deliveredAttempts),
    failedAttempts: count(attempts.failedAttempts),
    incompleteAttempts: count(attempts.incompleteAttempts),
    messagesRetried: count(messages.messagesRetried),
    maxAttempts: count(messages.maxAttempts),
    inconsistentMessages: count(consistency.inconsistentMessages),
    activeDeliveryJobs: count(jobs.activeDeliveryJobs),
    files: inbox.sizes.size,
    filesElsewhere: inbox.elsewhere,
    missingFiles: deliveredIds.filter((id) => !inbox.sizes.has(id)).length,
    strayFiles: [...inbox.sizes.keys()].filter((id) => !bodySizes.has(id)).length,
    wrongSizeFiles: [...inbox.sizes].filter(([id, size]) => bodySizes.has(id) && bodySizes.get(id)!.bytes !== size).length,
  };
}

/**
 * Sizes of <inbox>/<emsNo>/<messageId>.xml by message id, and how many files lie in other folders: the client's own
 * .tmp (files being written) and .state (its ledger of accepted ids) aside.
 */
function readInbox(inbox: string, emsNo: string): { sizes: Map<string, number>; elsewhere: number } {
  const sizes = new Map<string, number>();
  let elsewhere = 0;
  for (const folder of readdirSync(inbox)) {
    if (folder === ".tmp" || folder === ".state") continue;
    for (const name of readdirSync(path.join(inbox, folder))) {
      if (folder === emsNo && name.endsWith(".xml")) sizes.set(name.slice(0, -".xml".length), statSync(path.join(inbox, folder, name)).size);
      else elsewhere++;
    }
  }
  return { sizes, elsewhere };
}
