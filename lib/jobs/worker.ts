// The worker process: registers every definition of the registry with pg-boss. SIGTERM stops taking work and
// lets running jobs finish (pg-boss graceful stop).
import { createBoss, installJobQueues } from "./boss";
import { jobRegistry } from "./registry";

export async function startWorker(options: { databaseUrl: string }) {
  await installJobQueues(options.databaseUrl);
  const boss = createBoss(options.databaseUrl, "worker");
  await boss.start();
  const context = { databaseUrl: options.databaseUrl };
  for (const job of jobRegistry) {
    await boss.work(
      job.name,
      { batchSize: 1, pollingIntervalSeconds: 1, localConcurrency: 1, ...job.work },
      async (jobs) => {
        const parsed = jobs.map((j) => ({ id: j.id, data: job.schema.parse(j.data) }));
        await job.handler(parsed, context);
      },
    );
    if (job.cron) await boss.schedule(job.name, job.cron, {}, { tz: "Asia/Shanghai" });
  }
  return {
    boss,
    stop: (timeoutMs = 30_000) => boss.stop({ graceful: true, timeout: timeoutMs }),
  };
}
