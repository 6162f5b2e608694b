// Builds and stores the messages of one stock subscription (R5, R13); sent in the transaction that creates
// the subscription. Idempotent through PushMessage.dedupeKey.
import { z } from "zod";
import { db } from "@/lib/db/client";
import { defineJob } from "../definition";

// Lazily, through the definition's `load` (see JobDefinition.load).
const load = () => import("@/lib/pushes/dispatch-stock");

export const stockDispatchJob = defineJob({
  name: "stock-dispatch",
  schema: z.object({ subscriptionId: z.number().int().positive() }),
  // The heartbeat hands a job held by a killed worker to another within about a minute (R15).
  queue: { retryLimit: 5, retryDelay: 10, retryBackoff: true, expireInSeconds: 600, heartbeatSeconds: 30 },
  work: { batchSize: 5, localConcurrency: 1 },
  load,
  handler: async (jobs) => {
    const { dispatchStockSubscription } = await load();
    for (const job of jobs) await dispatchStockSubscription({ db, subscriptionId: job.data.subscriptionId, firstAttempt: "inline" });
  },
});
