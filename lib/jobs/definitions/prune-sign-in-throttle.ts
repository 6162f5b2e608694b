import { z } from "zod";
import { pruneThrottle } from "@/lib/auth/sign-in-throttle";
import { db } from "@/lib/db/client";
import { defineJob } from "../definition";

// Hourly rather than on every sign-in attempt: a DELETE per attempt slowed every sign-in for rows that only
// need to go within a day.
export const pruneSignInThrottleJob = defineJob({
  name: "sign-in-throttle-prune",
  schema: z.object({}).passthrough(),
  cron: "23 * * * *",
  queue: { retryLimit: 3, retryDelay: 60 },
  handler: async () => {
    await pruneThrottle(db, new Date());
  },
});
