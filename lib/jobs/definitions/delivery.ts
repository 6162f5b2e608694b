// Delivers push messages to import clients (R15), a batch at a time (lib/pushes/deliver-batch.ts: one read,
// POSTs side by side, one statement for the successes), several batches at once, and without waiting long for
// a slow client: its POSTs go on detached, covered by backstop jobs, and its further messages are deferred.
// Retries of an unreachable client are new jobs with startAfter (lib/pushes/record-attempts.ts); pg-boss's own
// retry only covers a crashed or failing handler.
import { z } from "zod";
import { db } from "@/lib/db/client";
import { defineJob } from "../definition";

// Lazily, through the definition's `load` (see JobDefinition.load).
const load = () => import("@/lib/pushes/deliver-batch");

export const deliveryJob = defineJob({
  name: "delivery",
  schema: z.object({
    pushMessageId: z.number().int().positive(),
    resend: z.boolean().optional(),
    /** The attempt count the message must still have; a job that finds another count was superseded. */
    afterAttempt: z.number().int().nonnegative().optional(),
    /** Times in a row the message was deferred, its client at its cap (lib/pushes/deliver-batch.ts). */
    deferrals: z.number().int().positive().optional(),
  }),
  // The heartbeat hands a batch held by a killed worker to another within about a minute (R15).
  queue: { retryLimit: 10, retryDelay: 15, retryBackoff: true, retryDelayMax: 600, expireInSeconds: 300, heartbeatSeconds: 30 },
  // Several batches at once: a batch waiting out DELIVERY_BATCH_WAIT_MS for a slow client leaves the others working.
  work: { batchSize: 50, localConcurrency: 4, burstWhenBatchFull: true },
  load,
  // Safe to retry the whole batch after a failure: finished messages are skipped by their guards.
  handler: async (jobs) => (await load()).deliverBatch({ db, jobs: jobs.map((job) => job.data) }),
  settle: async (timeoutMs) => (await load()).settleDetachedPosts(timeoutMs),
});
