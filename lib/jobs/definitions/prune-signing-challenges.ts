import { z } from "zod";
import { db } from "@/lib/db/client";
import { pruneChallenges } from "@/lib/signing/challenge";
import { defineJob } from "../definition";

// Every ten minutes: a challenge lives two minutes, so the table stays about as small as the last hour's use.
export const pruneSigningChallengesJob = defineJob({
  name: "signing-challenge-prune",
  schema: z.object({}).passthrough(),
  cron: "*/10 * * * *",
  queue: { retryLimit: 3, retryDelay: 60 },
  handler: async () => {
    await pruneChallenges({ db });
  },
});
