// Records the expired leases of pull-mode messages every minute (lib/pull/expire-leases.ts), so that a message
// leased to a client that never came back is re-offered, failed after its offers or, its client switched to 推送,
// posted. A pull records its own client's expired leases itself before it leases.
import { z } from "zod";
import { defineJob } from "../definition";

const load = () => import("@/lib/pull/expire-leases");

export const expirePullLeasesJob = defineJob({
  name: "pull-lease-expiry",
  schema: z.object({}).passthrough(),
  cron: "* * * * *",
  queue: { retryLimit: 3, retryDelay: 30 },
  load,
  handler: async () => {
    await (await load()).expireLeases({});
  },
});
