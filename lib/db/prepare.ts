// Everything a database needs before web and worker start: the database itself, migrations, job queues.
import { installJobQueues } from "@/lib/jobs/boss";
import { ensureDatabase } from "./admin";
import { migrate } from "./migrate";

export async function prepareDatabase(databaseUrl: string): Promise<string[]> {
  await ensureDatabase(databaseUrl);
  const applied = await migrate(databaseUrl);
  await installJobQueues(databaseUrl);
  return applied;
}
