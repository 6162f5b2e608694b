import { z } from "zod";
import { db } from "@/lib/db/client";
import { metrics } from "@/lib/metrics/registry";
import { expireSubscriptions } from "@/lib/subscriptions/expire";
import { defineJob } from "../definition";

export const expireSubscriptionsJob = defineJob({
  name: "subscription-expiry",
  schema: z.object({}).passthrough(),
  cron: "* * * * *",
  queue: { retryLimit: 3, retryDelay: 30 },
  handler: async () => {
    const expired = await expireSubscriptions({ db });
    metrics.expiryRuns.inc();
    metrics.subscriptionsExpired.inc(expired);
  },
});
