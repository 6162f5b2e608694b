// Pushes an approved manual change to the incremental subscriptions it reaches (R13); sent in the approval's
// transaction (lib/manuals/approve-change.ts). Idempotent through PushMessage.dedupeKey.
import { z } from "zod";
import { db } from "@/lib/db/client";
import { defineJob } from "../definition";

// Lazily, through the definition's `load` (see JobDefinition.load).
const load = () => import("@/lib/pushes/dispatch-change");

export const changeApprovedJob = defineJob({
  name: "change-approved",
  schema: z.object({ manualChangeId: z.number().int().positive() }),
  // The heartbeat hands a job held by a killed worker to another within about a minute (R15).
  queue: { retryLimit: 5, retryDelay: 10, retryBackoff: true, expireInSeconds: 600, heartbeatSeconds: 30 },
  work: { batchSize: 5, localConcurrency: 1 },
  load,
  handler: async (jobs) => {
    const { dispatchApprovedChange } = await load();
    for (const job of jobs) await dispatchApprovedChange({ db, manualChangeId: job.data.manualChangeId });
  },
});
