// Seeds, for demo enterprise 1 (lib/demo/seed.ts), a manual of its own with an ACTIVE incremental subscription
// on its bound import client and a PENDING change (row 2 modified, row 3 deleted, row 6 added); prints the
// manual number and the change id as JSON. Run by admin-approve.spec.ts through runSeedScript.
import { db } from "@/lib/db/client";
import { createManual, createManualChange } from "@/tests/support/factories";
import { DEMO_ENTERPRISE, subscribeDemoEnterprise } from "./demo-subscription";

async function main() {
  const manual = await createManual(db, { processingUnitCode: DEMO_ENTERPRISE, materials: 5 });
  await subscribeDemoEnterprise(manual);
  const row = {
    gdecd: "8542319000",
    dclUnitcd: "007",
    lawfUnitcd: "007",
    dclUprcAmt: "1.25",
    dclQty: "100",
    dclCurrcd: "502",
    natcd: "142",
    lvyrlfModecd: "3",
    adjmtrMarkcd: "1",
  };
  const change = await createManualChange(db, manual, {
    chgTmsCnt: 1,
    materialChanges: [
      { modfMarkcd: "1", gdsSeqno: 2, gdsMtno: "P2", gdsNm: "集成电路2（改）", ...row, dclQty: "80" },
      { modfMarkcd: "2", gdsSeqno: 3 },
      { modfMarkcd: "3", gdsSeqno: 6, gdsMtno: "P6", gdsNm: "新增料件6", ...row },
    ],
  });
  process.stdout.write(JSON.stringify({ emsNo: manual.emsNo, manualChangeId: change.id }));
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => db.$disconnect());
