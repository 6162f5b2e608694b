// Seeds an ACTIVE incremental subscription of demo enterprise 1 (lib/demo/seed.ts) on a manual of its own, so
// specs never collide, and prints it as JSON. Run by the card specs through runSeedScript (fixtures.ts).
import { db } from "@/lib/db/client";
import { createManual } from "@/tests/support/factories";

const DEMO_ENTERPRISE = "3201931234";
const LEGAL_PERSON_CARD = "8600000100001";

async function main() {
  const enterprise = await db.enterprise.findUniqueOrThrow({ where: { customsCode: DEMO_ENTERPRISE }, select: { id: true } });
  const card = await db.card.findUniqueOrThrow({ where: { cardNo: LEGAL_PERSON_CARD }, select: { id: true } });
  const client = await db.importClient.findFirstOrThrow({
    where: { enterpriseId: enterprise.id, boundCardNo: LEGAL_PERSON_CARD },
    select: { id: true },
  });
  const manual = await createManual(db, { processingUnitCode: DEMO_ENTERPRISE });
  const subscription = await db.subscription.create({
    data: {
      enterpriseId: enterprise.id,
      importClientId: client.id,
      signingCardId: card.id,
      enteredBy: "SW10000001",
      validUntil: new Date(Date.now() + 30 * 86_400_000),
      incrementalManualId: manual.id,
      incrementalEmsNo: manual.emsNo,
      signedPayload: "{}",
      signature: "00",
    },
    select: { id: true },
  });
  process.stdout.write(JSON.stringify(subscription));
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => db.$disconnect());
