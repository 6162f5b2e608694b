// Seeds, for demo enterprise 1's import client named on the command line (switched to 拉取 by the spec), a stock
// subscription of a new manual (2,500 materials: two parts) dispatched at once, and an incremental subscription to
// it with an approved change (one message); prints the manual number and how many messages the client gets.
// Run by pull-mode.spec.ts through runSeedScript.
import { db } from "@/lib/db/client";
import { stopSender } from "@/lib/jobs/send";
import { approveManualChange } from "@/lib/manuals/approve-change";
import { dispatchApprovedChange } from "@/lib/pushes/dispatch-change";
import { dispatchStockSubscription } from "@/lib/pushes/dispatch-stock";
import { createManual, createManualChange } from "@/tests/support/factories";
import { DEMO_ENTERPRISE } from "./demo-subscription";

const LEGAL_PERSON_CARD = "8600000100001";

async function main() {
  const clientId = process.argv[2];
  const client = await db.importClient.findUniqueOrThrow({ where: { clientId }, select: { id: true, enterpriseId: true } });
  const card = await db.card.findUniqueOrThrow({ where: { cardNo: LEGAL_PERSON_CARD }, select: { id: true } });
  const admin = await db.user.findFirstOrThrow({ where: { role: "CUSTOMS_ADMIN" }, select: { id: true } });
  const manual = await createManual(db, { processingUnitCode: DEMO_ENTERPRISE, materials: 2_500 });
  const common = {
    enterpriseId: client.enterpriseId,
    importClientId: client.id,
    signingCardId: card.id,
    enteredBy: "SW10000001",
    validUntil: new Date(Date.now() + 86_400_000),
    signedPayload: "{}",
    signature: "00",
  };
  const stock = await db.subscription.create({
    data: { ...common, stockManualId: manual.id, stockEmsNo: manual.emsNo, pushMaterials: true, materialFrom: 1, materialTo: 2_500 },
  });
  await dispatchStockSubscription({ db, subscriptionId: stock.id });
  await db.subscription.create({ data: { ...common, incrementalManualId: manual.id, incrementalEmsNo: manual.emsNo } });
  const change = await createManualChange(db, manual, { chgTmsCnt: 1, materialChanges: [{ modfMarkcd: "2", gdsSeqno: 3 }] });
  await approveManualChange({ db, manualChangeId: change.id, adminUserId: admin.id });
  await dispatchApprovedChange({ db, manualChangeId: change.id });
  const messages = await db.pushMessage.count({ where: { importClientId: client.id } });
  process.stdout.write(JSON.stringify({ emsNo: manual.emsNo, messages }));
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  // The job sender's pool would keep the process alive.
  .finally(() => Promise.all([db.$disconnect(), stopSender()]));
