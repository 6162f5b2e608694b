// Readiness for a load balancer: the database answers, every migration is applied and the job queues exist.
import { db } from "@/lib/db/client";
import { readMigrationFiles } from "@/lib/db/migrate";
import { jobRegistry } from "@/lib/jobs/registry";

export interface Readiness {
  ready: boolean;
  checks: Record<string, "ok" | string>;
}

async function check(fn: () => Promise<string | null>): Promise<"ok" | string> {
  try {
    return (await fn()) ?? "ok";
  } catch (error) {
    return `failed: ${(error as Error).message.split("\n")[0].slice(0, 200)}`;
  }
}

export async function readiness(extra: Record<string, () => Promise<string | null>> = {}): Promise<Readiness> {
  const database = await check(async () => (await db.$queryRawUnsafe("SELECT 1"), null));
  const checks: Record<string, "ok" | string> = { database };
  if (database === "ok") {
    checks.migrations = await check(async () => {
      const applied = await db.$queryRawUnsafe<{ migration_name: string }[]>(
        `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
      );
      const names = new Set(applied.map((row) => row.migration_name));
      const missing = (await readMigrationFiles()).filter((file) => !names.has(file.name)).map((file) => file.name);
      return missing.length ? `pending: ${missing.join(", ")}` : null;
    });
    checks.queues = await check(async () => {
      const queues = await db.$queryRawUnsafe<{ name: string }[]>(`SELECT name FROM pgboss.queue`);
      const names = new Set(queues.map((q) => q.name));
      const missing = jobRegistry.filter((job) => !names.has(job.name)).map((job) => job.name);
      return missing.length ? `missing: ${missing.join(", ")}` : null;
    });
  }
  for (const [name, fn] of Object.entries(extra)) checks[name] = await check(fn);
  return { ready: Object.values(checks).every((value) => value === "ok"), checks };
}
