// Prints, as JSON, what a sign-in of the account given as argument changes in the e2e database: its LOGIN
// audit entries and lastSignedInAt. Run by security.spec.ts through runSeedScript.
import { db } from "@/lib/db/client";

async function main() {
  const accountCode = process.argv[2];
  const user = await db.user.findUniqueOrThrow({ where: { accountCode }, select: { lastSignedInAt: true } });
  const logins = await db.auditLog.count({ where: { action: "LOGIN", actorAccount: accountCode } });
  console.log(JSON.stringify({ logins, lastSignedInAt: user.lastSignedInAt?.toISOString() ?? null }));
  await db.$disconnect();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
