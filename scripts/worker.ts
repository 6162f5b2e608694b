// `npm run worker`: the pg-boss worker (dispatch, delivery, retries, expiry) with its health and metrics
// endpoints on WORKER_PORT. SIGTERM stops taking work, lets running jobs finish, then closes the pools.
import { checkConfig } from "@/lib/config/env";
import { db } from "@/lib/db/client";
import { startWorkerHealthServer } from "@/lib/jobs/health-server";
import { stopSender } from "@/lib/jobs/send";
import { startWorker } from "@/lib/jobs/worker";
import { logger } from "@/lib/log/logger";

const SHUTDOWN_TIMEOUT_MS = 30_000;

async function main() {
  const config = checkConfig("worker");
  if (!config.DATABASE_URL) throw new Error("DATABASE_URL is not set (npm start sets it; see README)");
  const log = logger("worker");
  const worker = await startWorker({ databaseUrl: config.DATABASE_URL });
  let running = true;
  const health = await startWorkerHealthServer({ port: config.WORKER_PORT, isRunning: () => running });
  log.info({ port: config.WORKER_PORT }, "worker started");

  const shutdown = async (signal: string) => {
    log.info({ signal }, "stopping: finishing running jobs");
    running = false;
    await worker.stop(SHUTDOWN_TIMEOUT_MS);
    await stopSender();
    await db.$disconnect();
    health.close();
    log.info("worker stopped");
    process.exit(0);
  };
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  process.once("SIGINT", () => void shutdown("SIGINT"));
}

main().catch((error) => {
  logger("worker").fatal({ err: error }, "worker failed to start");
  process.exit(1);
});
