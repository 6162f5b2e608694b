// pg-boss instances: the worker supervises and schedules; senders (web app, tests) only insert jobs.
import { PgBoss } from "pg-boss";
import { logger } from "@/lib/log/logger";
import { jobRegistry } from "./registry";

export const JOB_SCHEMA = "pgboss";

export function createBoss(databaseUrl: string, role: "worker" | "sender"): PgBoss {
  const boss = new PgBoss({
    connectionString: databaseUrl,
    schema: JOB_SCHEMA,
    max: role === "worker" ? 10 : 3,
    supervise: role === "worker",
    schedule: role === "worker",
    migrate: role === "worker",
    // A worker holds one LISTEN connection so that a job sent to a queue (all notify: true) wakes it at
    // once instead of at its next poll; polling stays as the backstop.
    useListenNotify: role === "worker",
    // A killed worker's jobs come back when a monitor pass finds their heartbeat (30 s) lapsed. At pg-boss's
    // default of a pass a minute that took up to 90 s plus the retry delay — the kill -9 drill measured 95 s
    // (tests/drills/worker-kill.test.ts); every 15 s keeps it within the minute the job definitions promise.
    superviseIntervalSeconds: 15,
    monitorIntervalSeconds: 15,
  });
  boss.on("error", (error) => logger("pg-boss").error({ err: error, role }, "pg-boss error"));
  return boss;
}

/** Installs pg-boss's schema and creates every queue of the registry; run with the database migrations. */
export async function installJobQueues(databaseUrl: string): Promise<void> {
  const boss = new PgBoss({ connectionString: databaseUrl, schema: JOB_SCHEMA, max: 2, supervise: false, schedule: false });
  await boss.start();
  try {
    const existing = new Set((await boss.getQueues()).map((q) => q.name));
    for (const job of jobRegistry) {
      const queue = { ...job.queue, notify: true };
      if (!existing.has(job.name)) await boss.createQueue(job.name, queue);
      else await boss.updateQueue(job.name, queue);
    }
  } finally {
    await boss.stop({ graceful: false });
  }
}
