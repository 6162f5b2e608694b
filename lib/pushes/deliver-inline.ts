// The first delivery attempt of a stock push's parts, made by the dispatch itself with the bytes it has just
// built: no second read of up to ten megabytes from the database and no wait for a delivery worker. The
// delivery jobs stored with the parts start DELIVERY_FALLBACK_SECONDS later and, finding the attempt made
// (their afterAttempt guard), do nothing; they deliver only if this worker stopped before it could.
import type { Db } from "@/lib/db/client";
import { logger } from "@/lib/log/logger";
import { deliverPushMessage } from "./deliver";

export const DELIVERY_FALLBACK_SECONDS = 60;

export async function deliverInline(options: {
  db: Db;
  pushMessageIds: number[];
  /** UTF-8 bodies by message id. */
  bodies: Map<string, Buffer<ArrayBuffer>>;
}): Promise<void> {
  const { db, bodies } = options;
  const messages = await db.pushMessage.findMany({ where: { id: { in: options.pushMessageIds } }, select: { id: true, messageId: true } });
  const results = await Promise.allSettled(
    messages.map((message) => deliverPushMessage({ db, pushMessageId: message.id, afterAttempt: 0, body: bodies.get(message.messageId) })),
  );
  for (const result of results) {
    if (result.status === "rejected") logger("pushes").warn({ err: result.reason }, "first delivery attempt failed; its delivery job will retry");
  }
}
