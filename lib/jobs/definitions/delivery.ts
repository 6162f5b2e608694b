// Delivers push messages to import clients (R15), a batch at a time and concurrently, so that throughput
// is not one message per poll. Retries of an unreachable client are new jobs with startAfter (see
// lib/pushes/deliver.ts); pg-boss's own retry only covers a crashed or failing handler.
import { z } from "zod";
import { db } from "@/lib/db/client";
import { defineJob } from "../definition";

// Lazily, through the definition's `load` (see JobDefinition.load).
const load = () => import("@/lib/pushes/deliver");

export const deliveryJob = defineJob({
  name: "delivery",
  schema: z.object({
    pushMessageId: z.number().int().positive(),
    resend: z.boolean().optional(),
    /** The attempt count the message must still have; a job that finds another count was superseded. */
    afterAttempt: z.number().int().nonnegative().optional(),
  }),
  // The heartbeat hands a batch held by a killed worker to another within about a minute (R15).
  queue: { retryLimit: 10, retryDelay: 15, retryBackoff: true, retryDelayMax: 600, expireInSeconds: 300, heartbeatSeconds: 30 },
  work: { batchSize: 50, localConcurrency: 1, burstWhenBatchFull: true },
  load,
  handler: async (jobs) => {
    const { deliverPushMessage } = await load();
    const results = await Promise.allSettled(jobs.map((job) => deliverPushMessage({ db, ...job.data })));
    const failure = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
    // Safe to retry the whole batch: finished messages are skipped by their guards.
    if (failure) throw failure.reason;
  },
});
