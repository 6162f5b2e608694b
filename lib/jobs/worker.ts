// The worker process: registers every definition of the registry with pg-boss. SIGTERM stops taking work,
// lets running jobs finish (pg-boss graceful stop) and waits for the POSTs delivery batches left running. A
// job's request id (set by sendJob) follows it into the logs.
import type { WorkOptions } from "pg-boss";
import { logger } from "@/lib/log/logger";
import { withRequestId } from "@/lib/log/request-context";
import { createBoss, installJobQueues } from "./boss";
import type { JobDefinition } from "./definition";
import { jobRegistry } from "./registry";

/**
 * The pg-boss work options a definition runs with (its own over the worker's defaults). NOTIFY wakes a worker
 * for a job ready now; a retry sent with startAfter becomes ready later without one, so the poll that finds
 * it keeps the definition's interval instead of pg-boss's slower backstop for notified queues.
 */
export function workOptionsOf(job: JobDefinition): WorkOptions {
  const pollingIntervalSeconds = job.work?.pollingIntervalSeconds ?? 1;
  return { batchSize: 1, localConcurrency: 1, ...job.work, pollingIntervalSeconds, notifyPollingIntervalSeconds: pollingIntervalSeconds };
}

const requestIdOf = (data: unknown) =>
  typeof (data as { requestId?: unknown })?.requestId === "string" ? (data as { requestId: string }).requestId : undefined;

export async function startWorker(options: { databaseUrl: string }) {
  await installJobQueues(options.databaseUrl);
  const boss = createBoss(options.databaseUrl, "worker");
  await boss.start();
  const context = { databaseUrl: options.databaseUrl };
  // The handlers' domain modules, loaded before the first job rather than by it (the first stock push after a
  // start took twice as long while they loaded).
  await Promise.all(jobRegistry.map((job) => job.load?.()));
  for (const job of jobRegistry) {
    await boss.work(job.name, workOptionsOf(job), async (jobs) => {
      // A batch runs under its first job's request id; the others are named in the log line.
      return withRequestId(requestIdOf(jobs[0]?.data), async () => {
        const started = Date.now();
        const parsed = jobs.map((j) => ({ id: j.id, data: job.schema.parse(j.data) }));
        try {
          await job.handler(parsed, context);
          logger("worker").debug({ queue: job.name, jobs: jobs.length, ms: Date.now() - started }, "jobs done");
        } catch (error) {
          const requestIds = [...new Set(jobs.map((j) => requestIdOf(j.data)).filter(Boolean))];
          logger("worker").error({ err: error, queue: job.name, jobs: jobs.length, requestIds }, "jobs failed");
          throw error;
        }
      });
    });
    if (job.cron) await boss.schedule(job.name, job.cron, {}, { tz: "Asia/Shanghai" });
  }
  return {
    boss,
    /** Takes no more work, lets running jobs finish, then waits for what they left running; all within timeoutMs. */
    async stop(timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      await boss.stop({ graceful: true, timeout: timeoutMs });
      await Promise.all(jobRegistry.map((job) => job.settle?.(Math.max(deadline - Date.now(), 0))));
    },
  };
}
