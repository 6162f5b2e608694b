// Inserts built messages and queues their delivery in the caller's transaction. The unique dedupeKey with
// ON CONFLICT DO NOTHING makes a repeated dispatch a no-op: only rows actually inserted get a delivery job.
import type { Prisma } from "@/lib/db/client";
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

/**
 * Transaction options of a dispatch. A worker's deliveries can hold every pooled connection for a moment; a
 * dispatch waits for one (maxWait, default 2 s) rather than fail and come back after its job's retry delay.
 */
export const DISPATCH_TRANSACTION = { maxWait: 30_000, timeout: 60_000 };

// One INSERT carries at most this much: a few stock parts of about a megabyte each, or many small messages.
const MAX_BATCH_BODY_CHARS = 2_000_000;
const MAX_BATCH_MESSAGES = 1_000;

/**
 * Returns the ids of the messages inserted now (none when every dedupeKey existed already). `messages` may be
 * built lazily (a generator): each batch is built while the previous one is being inserted, and only those two
 * are held at once, which bounds the memory of a large push and lets building and inserting overlap.
 */
export async function storePushMessages(options: {
  tx: Prisma.TransactionClient;
  messages: Iterable<NewPushMessage>;
  /** Delays the delivery jobs, when the caller makes the first attempts itself (lib/pushes/deliver-inline.ts). */
  deliveryJobsAfterSeconds?: number;
}): Promise<number[]> {
  const created: number[] = [];
  const insert = async (batch: NewPushMessage[]) => {
    const rows = await options.tx.pushMessage.createManyAndReturn({ data: batch, skipDuplicates: true, select: { id: true } });
    for (const { id } of rows) created.push(id);
  };
  let inserting: Promise<void> = Promise.resolve();
  for (const batch of batches(options.messages)) {
    await inserting;
    inserting = insert(batch);
  }
  await inserting;
  await sendJobs(deliveryJob, created.map((pushMessageId) => ({ pushMessageId, afterAttempt: 0 })), {
    tx: options.tx, startAfterSeconds: options.deliveryJobsAfterSeconds,
  });
  return created;
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

