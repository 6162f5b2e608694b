// A pg-boss job's state by id, read from pg-boss's table: tests wait on it to know a job they sent was run.
import type { Db } from "@/lib/db/client";
import { JOB_SCHEMA } from "@/lib/jobs/boss";

export async function jobState(db: Db, id: string | null): Promise<string | undefined> {
  const [job] = await db.$queryRawUnsafe<{ state: string }[]>(`SELECT state::text AS state FROM ${JOB_SCHEMA}.job WHERE id = $1::uuid`, id);
  return job?.state;
}
