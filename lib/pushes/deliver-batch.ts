// A batch of the delivery queue, so that one client's slowness costs only that client's messages. One read for
// the batch, then per client up to DELIVERY_CLIENT_CONCURRENCY POSTs side by side (client-slots.ts), each client's
// messages one after another in its lanes. The batch waits for its POSTs at most DELIVERY_BATCH_WAIT_MS:
// - a POST still running then is detached: it goes on and records its outcome when it ends (detached-posts.ts),
//   and a backstop job for its message (afterAttempt = the count it was posted after) starts once the POST must
//   have ended, so a crash loses nothing; whichever of the two records second finds the count moved on and does
//   nothing;
// - a message of a slow client (every slot held by detached POSTs, or a POST of this batch detached) is not
//   posted but deferred: its job is sent again a few seconds later (longer each time in a row) with the same
//   afterAttempt, no attempt counted; one not posted yet only because the client's slots were busy with live
//   POSTs is sent again at once.
// The successes that ended within the wait are recorded in one statement (record-attempts.ts).
import { setMaxListeners } from "node:events";
import type { Db } from "@/lib/db/client";
import { deliveryJob } from "@/lib/jobs/definitions/delivery";
import { sendJobs } from "@/lib/jobs/send";
import { logger } from "@/lib/log/logger";
import { acquireClientSlot, type ClientSlot } from "./client-slots";
import { postDelivery, prepareDeliveries, recordPosted, type DeliveryRequest, type ReadyDelivery } from "./deliver";
import { BACKSTOP_AFTER_SECONDS, deferralSeconds, deliveryBatchWaitMs, deliveryClientConcurrency } from "./delivery-settings";
import { trackDetachedPost } from "./detached-posts";
import type { PostOutcome } from "./post-message";

export { settleDetachedPosts } from "./detached-posts";

export interface DeliveryJobPayload extends DeliveryRequest {
  /** How often in a row the message was deferred (its client at its cap): the next deferral waits longer. */
  deferrals?: number;
}

type Ready = ReadyDelivery<DeliveryJobPayload>;

interface RunningPost {
  delivery: Ready;
  slot: ClientSlot;
  detached: boolean;
  /** Ends once the outcome is kept for the batch or, detached, recorded. */
  done: Promise<void>;
}

export async function deliverBatch(options: { db: Db; jobs: DeliveryJobPayload[] }): Promise<void> {
  const { db } = options;
  const prepared = await prepareDeliveries(options.jobs);
  const queues = new Map<number, Ready[]>();
  for (const delivery of prepared) {
    if (typeof delivery === "string") continue;
    const queue = queues.get(delivery.importClientId) ?? [];
    queue.push(delivery);
    queues.set(delivery.importClientId, queue);
  }

  const finished: Array<{ delivery: Ready; outcome: PostOutcome }> = [];
  const running = new Set<RunningPost>();
  const detached: Ready[] = [];
  const slowClients = new Set<number>();
  const closing = new AbortController();
  // One listener for each lane waiting for a slot.
  setMaxListeners(0, closing.signal);
  const closed = new Promise<void>((resolve) => closing.signal.addEventListener("abort", () => resolve(), { once: true }));
  // Synchronous, as is each POST's end: a POST either ended before the close (its outcome kept) or is detached.
  const close = () => {
    if (closing.signal.aborted) return;
    closing.abort();
    for (const post of running) {
      post.detached = true;
      post.slot.detach();
      detached.push(post.delivery);
      slowClients.add(post.delivery.importClientId);
      trackDetachedPost(post.done);
    }
  };

  const lane = async (queue: Ready[]) => {
    while (queue.length > 0 && !closing.signal.aborted) {
      const importClientId = queue[0].importClientId;
      const slot = await acquireClientSlot(importClientId, closing.signal);
      if (slot === "SLOW") slowClients.add(importClientId);
      if (typeof slot === "string") return; // what is left of the queue is sent again
      const delivery = queue.shift();
      if (!delivery || closing.signal.aborted) {
        slot.release();
        return;
      }
      const post = { delivery, slot, detached: false } as RunningPost;
      post.done = postDelivery(delivery)
        .finally(() => {
          slot.release();
          running.delete(post);
        })
        .then(async (outcome) => {
          if (post.detached) await recordPosted({ db, posted: [{ delivery, outcome }] });
          else finished.push({ delivery, outcome });
        });
      running.add(post);
      await Promise.race([post.done, closed]);
    }
  };

  const timer = setTimeout(close, deliveryBatchWaitMs());
  try {
    const cap = deliveryClientConcurrency();
    await Promise.all([...queues.values()].flatMap((queue) => Array.from({ length: Math.min(queue.length, cap) }, () => lane(queue))));
  } finally {
    clearTimeout(timer);
    close();
  }

  const unposted = [...queues.values()].flat();
  const deferred = unposted.filter((d) => slowClients.has(d.importClientId));
  const requeued = unposted.filter((d) => !slowClients.has(d.importClientId));
  if (detached.length > 0 || unposted.length > 0) {
    logger("pushes").debug(
      { detached: detached.length, deferred: deferred.length, requeued: requeued.length },
      "delivery batch went on without some POSTs",
    );
  }
  const again = (d: Ready, deferrals?: number): DeliveryJobPayload => ({
    pushMessageId: d.pushMessageId,
    resend: d.request.resend,
    afterAttempt: d.attemptCount,
    deferrals,
  });
  await Promise.all([
    sendJobs(
      deliveryJob,
      detached.map((d) => again(d)),
      { startAfterSeconds: BACKSTOP_AFTER_SECONDS },
    ),
    ...deferralsByDelay(deferred).map(([seconds, jobs]) =>
      sendJobs(
        deliveryJob,
        jobs.map((d) => again(d, (d.request.deferrals ?? 0) + 1)),
        { startAfterSeconds: seconds },
      ),
    ),
    sendJobs(
      deliveryJob,
      requeued.map((d) => again(d, d.request.deferrals)),
    ),
    recordPosted({ db, posted: finished }),
  ]);
}

function deferralsByDelay(deferred: Ready[]): Array<[number, Ready[]]> {
  const byDelay = new Map<number, Ready[]>();
  for (const delivery of deferred) {
    const seconds = deferralSeconds(delivery.request.deferrals ?? 0);
    byDelay.set(seconds, [...(byDelay.get(seconds) ?? []), delivery]);
  }
  return [...byDelay];
}
