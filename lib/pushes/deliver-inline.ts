// The first delivery attempt of a stock push's parts, made by the dispatch itself right after it commits: no
// wait for a delivery worker. The delivery jobs stored with the parts start DELIVERY_FALLBACK_SECONDS later
// and, finding the attempt made (their afterAttempt guard), do nothing; they deliver only if this worker
// stopped before it could. A few parts at a time, each one's UTF-8 bytes read from the database just before its
// POST and dropped after it: a push of ten megabyte parts never holds all its bodies at once.
import type { Db } from "@/lib/db/client";
import { logger } from "@/lib/log/logger";
import { deliverPushMessage } from "./deliver";
import { readBodyBytes } from "./body-bytes";

export const DELIVERY_FALLBACK_SECONDS = 60;

// Half a ten-part push at a time: the client verifies and stores parts side by side while the other half waits,
// unread (on a loaded machine P1 did not differ measurably between three, five and ten in flight).
const PARTS_IN_FLIGHT = 5;

export async function deliverInline(options: { db: Db; pushMessageIds: number[] }): Promise<void> {
  const { db } = options;
  const waiting = [...options.pushMessageIds];
  const deliverNext = async () => {
    for (let pushMessageId = waiting.shift(); pushMessageId !== undefined; pushMessageId = waiting.shift()) {
      try {
        const body = await readBodyBytes(pushMessageId);
        if (body) await deliverPushMessage({ db, pushMessageId, afterAttempt: 0, body });
      } catch (error) {
        logger("pushes").warn({ err: error }, "first delivery attempt failed; its delivery job will retry");
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARTS_IN_FLIGHT, waiting.length) }, deliverNext));
}
