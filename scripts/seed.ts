// `npm run seed`: migrations and demo data into the database (embedded when DATABASE_URL is unset).
import { db } from "@/lib/db/client";
import { prepareDatabase } from "@/lib/db/prepare";
import { seedDemoData } from "@/lib/demo/seed";
import { resolveDatabase } from "./lib/local-env";

async function main() {
  const { databaseUrl, local } = await resolveDatabase();
  process.env.DATABASE_URL = databaseUrl;
  await prepareDatabase(databaseUrl);
  const { seeded } = await seedDemoData({ db });
  console.log(seeded ? "demo data seeded" : "database already has data; nothing seeded");
  await db.$disconnect();
  await local?.stop();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
