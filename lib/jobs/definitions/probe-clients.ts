// Probes the paused import clients that are due (lib/import-clients/probe.ts) and resumes those that answer.
// Every minute: each client's own back-off (lib/pushes/probe-schedule.ts) decides when it is due.
import { z } from "zod";
import { db } from "@/lib/db/client";
import { defineJob } from "../definition";

// Lazily, through the definition's `load` (see JobDefinition.load).
const load = () => import("@/lib/import-clients/probe");

export const probeClientsJob = defineJob({
  name: "client-probe",
  schema: z.object({}).passthrough(),
  cron: "* * * * *",
  // A failed run is not retried: the next minute's run picks up what is still due.
  queue: { retryLimit: 0, expireInSeconds: 300 },
  load,
  handler: async () => {
    const { probePausedClients } = await load();
    await probePausedClients({ db });
  },
});
