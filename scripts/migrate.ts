// `npm run migrate`: applies prisma/migrations and installs the job queues (embedded DB when DATABASE_URL is unset).
import { prepareDatabase } from "@/lib/db/prepare";
import { resolveDatabase } from "./lib/local-env";

async function main() {
  const { databaseUrl, local } = await resolveDatabase();
  const applied = await prepareDatabase(databaseUrl);
  console.log(applied.length ? `applied: ${applied.join(", ")}` : "database is up to date");
  await local?.stop();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
