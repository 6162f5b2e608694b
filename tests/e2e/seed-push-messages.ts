// Seeds, for demo enterprise 1 (lib/demo/seed.ts), a manual of its own with a stock subscription of 4,500
// materials, built into 3 messages for its bound client; prints the manual number. Run by runSeedScript.
import { db } from "@/lib/db/client";
import { stopSender } from "@/lib/jobs/send";
import { dispatchStockSubscription } from "@/lib/pushes/dispatch-stock";
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
  const manual = await createManual(db, { processingUnitCode: DEMO_ENTERPRISE, materials: 4_500 });
  const subscription = await db.subscription.create({
    data: {
      enterpriseId: enterprise.id,
      importClientId: client.id,
      signingCardId: card.id,
      enteredBy: "SW10000001",
      validUntil: new Date(Date.now() + 86_400_000),
      stockManualId: manual.id,
      stockEmsNo: manual.emsNo,
      pushMaterials: true,
      materialFrom: 1,
      materialTo: 4_500,
      signedPayload: "{}",
      signature: "00",
    },
  });
  await dispatchStockSubscription({ db, subscriptionId: subscription.id });
  process.stdout.write(JSON.stringify({ emsNo: manual.emsNo }));
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  // The job sender's pool would keep the process alive.
  .finally(() => Promise.all([db.$disconnect(), stopSender()]));
