// Inserts built messages and queues their delivery in the caller's transaction. The unique dedupeKey with
// ON CONFLICT DO NOTHING makes a repeated dispatch a no-op: only rows actually inserted get a delivery job.
import type { Prisma } from "@/lib/db/client";
import { SqlTransaction } from "@/lib/db/sql";
import { deliveryJob } from "@/lib/jobs/definitions/delivery";
import { sendJobs } from "@/lib/jobs/send";
import type { PushMessageType } from "./xml";

export interface NewPushMessage {
  messageId: string;
  dedupeKey: string;
  enterpriseId: number;
  /** Null for a TEST message, as is emsNo. */
  subscriptionId: number | null;
  importClientId: number;
  manualChangeId?: number;
  emsNo: string | null;
  type: PushMessageType;
  partNo: number;
  partCount: number;
  rowCount: number;
  body: string;
}

// One INSERT carries at most this much: one stock part (about a megabyte), or many small messages.
const MAX_BATCH_BODY_CHARS = 1_000_000;
const MAX_BATCH_MESSAGES = 5_000;

// One statement a batch, with one array parameter a column: Prisma's createManyAndReturn (12 parameters a
// row) spent most of a large push's time in its query compiler and plan interpreter. Column casts follow
// prisma/migrations ("type" is the enum "MessageType").
const INSERT_SQL = `
  INSERT INTO "PushMessage" ("messageId", "dedupeKey", "enterpriseId", "subscriptionId", "importClientId", "manualChangeId",
    "emsNo", "type", "partNo", "partCount", "rowCount", "body")
  SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::int[], $5::int[], $6::int[],
    $7::text[], $8::"MessageType"[], $9::int[], $10::int[], $11::int[], $12::text[])
  ON CONFLICT ("dedupeKey") DO NOTHING
  RETURNING id`;

/**
 * Returns the ids of the messages inserted now (none when every dedupeKey existed already). `messages` may be
 * built lazily (a generator): each batch is built while the previous one is being inserted, and only those two
 * are held at once, which bounds the memory of a large push and lets building and inserting overlap.
 *
 * `tx`: a transaction on pg (lib/db/sql.ts), which large pushes use so that their bodies never pass through
 * Prisma, or a Prisma transaction (a test message, written with other rows of the caller's transaction).
 */
export async function storePushMessages(options: {
  tx: SqlTransaction | Prisma.TransactionClient;
  messages: Iterable<NewPushMessage>;
  /** Delays the delivery jobs, when the caller makes the first attempts itself (lib/pushes/deliver-inline.ts). */
  deliveryJobsAfterSeconds?: number;
}): Promise<number[]> {
  const { tx } = options;
  const query =
    tx instanceof SqlTransaction
      ? (values: unknown[]) => tx.query<{ id: number }>(INSERT_SQL, values)
      : (values: unknown[]) => tx.$queryRawUnsafe<{ id: number }[]>(INSERT_SQL, ...values);
  const created: number[] = [];
  const insert = async (batch: NewPushMessage[]) => {
    for (const { id } of await query(columns(batch))) created.push(id);
  };
  let inserting: Promise<void> = Promise.resolve();
  for (const batch of batches(options.messages)) {
    await inserting;
    inserting = insert(batch);
  }
  await inserting;
  await sendJobs(
    deliveryJob,
    created.map((pushMessageId) => ({ pushMessageId, afterAttempt: 0 })),
    {
      tx,
      startAfterSeconds: options.deliveryJobsAfterSeconds,
    },
  );
  return created;
}

function columns(batch: NewPushMessage[]): unknown[][] {
  return [
    batch.map((m) => m.messageId),
    batch.map((m) => m.dedupeKey),
    batch.map((m) => m.enterpriseId),
    batch.map((m) => m.subscriptionId),
    batch.map((m) => m.importClientId),
    batch.map((m) => m.manualChangeId ?? null),
    batch.map((m) => m.emsNo),
    batch.map((m) => m.type),
    batch.map((m) => m.partNo),
    batch.map((m) => m.partCount),
    batch.map((m) => m.rowCount),
    batch.map((m) => m.body),
  ];
}

function* batches(messages: Iterable<NewPushMessage>): Generator<NewPushMessage[]> {
  let batch: NewPushMessage[] = [];
  let chars = 0;
  for (const message of messages) {
    batch.push(message);
    chars += message.body.length;
    if (chars >= MAX_BATCH_BODY_CHARS || batch.length >= MAX_BATCH_MESSAGES) {
      yield batch;
      batch = [];
      chars = 0;
    }
  }
  if (batch.length > 0) yield batch;
}
