// Delivers the messages that waited for a paused client, in order, once it is resumed (sent in the resume's
// transaction). One client per job runs sequentially; different clients run side by side.
import { z } from "zod";
import { db } from "@/lib/db/client";
import { defineJob } from "../definition";

// Lazily, through the definition's `load` (see JobDefinition.load).
const load = () => import("@/lib/import-clients/deliver-waiting");

export const deliverWaitingJob = defineJob({
  name: "deliver-waiting",
  schema: z.object({ importClientId: z.number().int().positive() }),
  // A long backlog takes a while; the heartbeat hands a job held by a killed worker to another (R15).
  queue: { retryLimit: 10, retryDelay: 30, retryBackoff: true, expireInSeconds: 3_600, heartbeatSeconds: 30 },
  work: { batchSize: 5, localConcurrency: 1 },
  load,
  handler: async (jobs) => {
    const { deliverWaitingMessages } = await load();
    const results = await Promise.allSettled(jobs.map((job) => deliverWaitingMessages({ db, importClientId: job.data.importClientId })));
    const failure = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
    // Safe to retry the whole batch: each run continues from what is still waiting.
    if (failure) throw failure.reason;
  },
});
