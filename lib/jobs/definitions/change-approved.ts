// Pushes an approved manual change to the incremental subscriptions it reaches (R13); sent in the approval's
// transaction (lib/manuals/approve-change.ts). Idempotent through PushMessage.dedupeKey.
import { z } from "zod";
import { db } from "@/lib/db/client";
import { defineJob } from "../definition";

export const changeApprovedJob = defineJob({
  name: "change-approved",
  schema: z.object({ manualChangeId: z.number().int().positive() }),
  // The heartbeat hands a job held by a killed worker to another within about a minute (R15).
  queue: { retryLimit: 5, retryDelay: 10, retryBackoff: true, expireInSeconds: 600, heartbeatSeconds: 30 },
  work: { batchSize: 5, localConcurrency: 1 },
  handler: async (jobs) => {
    // Loaded lazily: the domain code sends jobs itself, and a static import would close an import cycle.
    const { dispatchApprovedChange } = await import("@/lib/pushes/dispatch-change");
    for (const job of jobs) await dispatchApprovedChange({ db, manualChangeId: job.data.manualChangeId });
  },
});
