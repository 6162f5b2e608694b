// `npm run worker`: the pg-boss worker (dispatch, delivery, retries, expiry). SIGTERM lets running jobs finish.
import { startWorker } from "@/lib/jobs/worker";

async function main() {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error("DATABASE_URL is not set (npm start sets it; see README)");
  const worker = await startWorker({ databaseUrl });
  console.log("[worker] started");
  const shutdown = async () => {
    console.log("[worker] stopping: finishing running jobs…");
    await worker.stop();
    process.exit(0);
  };
  process.once("SIGTERM", shutdown);
  process.once("SIGINT", shutdown);
}

main().catch((error) => {
  console.error("[worker] failed:", error);
  process.exit(1);
});
