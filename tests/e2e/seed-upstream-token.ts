// Registers a new upstream system in the e2e database and prints its bearer token as JSON, for the ingestion
// body-size case of security.spec.ts (run through runSeedScript).
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import { registerUpstreamSystem } from "@/lib/ingestion/upstream-token";

async function main() {
  const { token } = await registerUpstreamSystem({ db, name: `e2e-${randomUUID()}` });
  console.log(JSON.stringify({ token }));
  await db.$disconnect();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
