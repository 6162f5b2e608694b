// Inserts built messages and queues their delivery in the caller's transaction. The unique dedupeKey with
// ON CONFLICT DO NOTHING makes a repeated dispatch a no-op: only rows actually inserted get a delivery job.
import type { Prisma } from "@/lib/db/client";
import { deliveryJob } from "@/lib/jobs/definitions/delivery";
import { sendJob } from "@/lib/jobs/send";
import type { PushMessageType } from "./xml";

export interface NewPushMessage {
  messageId: string;
  dedupeKey: string;
  enterpriseId: number;
  subscriptionId: number;
  importClientId: number;
  manualChangeId?: number;
  emsNo: string;
  type: PushMessageType;
  partNo: number;
  partCount: number;
  rowCount: number;
  body: string;
}

/** Returns the ids of the messages inserted now (none when every dedupeKey existed already). */
export async function storePushMessages(options: {
  tx: Prisma.TransactionClient;
  messages: NewPushMessage[];
}): Promise<number[]> {
  if (options.messages.length === 0) return [];
  const created = await options.tx.pushMessage.createManyAndReturn({
    data: options.messages,
    skipDuplicates: true,
    select: { id: true },
  });
  for (const { id } of created) {
    await sendJob(deliveryJob, { pushMessageId: id, afterAttempt: 0 }, { tx: options.tx });
  }
  return created.map((m) => m.id);
}
