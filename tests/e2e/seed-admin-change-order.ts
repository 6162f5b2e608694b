// Seeds, for admin-approve.spec.ts, a manual of demo enterprise 1 (150 料件) with an ACTIVE incremental subscription
// on its bound import client and three PENDING changes: 1 modifies rows 1–120 (申报数量 100 → 80), deletes row 150
// and adds row 151 (more than a page of the diff); 2 renames the 加工单位; 3 modifies row 1 again. Prints the
// manual number and the changes' ids as JSON.
import { db } from "@/lib/db/client";
import { createManual, createManualChange } from "@/tests/support/factories";
import { DEMO_ENTERPRISE, subscribeDemoEnterprise } from "./demo-subscription";

const row = (gdsSeqno: number, extra: object = {}) => ({
  gdsSeqno,
  gdsMtno: `P${gdsSeqno}`,
  gdecd: "8542319000",
  gdsNm: `集成电路${gdsSeqno}`,
  dclUnitcd: "007",
  lawfUnitcd: "007",
  dclUprcAmt: "1.25",
  dclQty: "80",
  dclCurrcd: "502",
  natcd: "142",
  lvyrlfModecd: "3",
  adjmtrMarkcd: "1",
  ...extra,
});

async function main() {
  const manual = await createManual(db, { processingUnitCode: DEMO_ENTERPRISE, materials: 150 });
  await subscribeDemoEnterprise(manual);
  const first = await createManualChange(db, manual, {
    chgTmsCnt: 1,
    materialChanges: [
      ...Array.from({ length: 120 }, (_, i) => ({ modfMarkcd: "1", ...row(i + 1) })),
      { modfMarkcd: "2", gdsSeqno: 150 },
      { modfMarkcd: "3", ...row(151, { gdsNm: "新增料件151" }) },
    ],
  });
  const second = await createManualChange(db, manual, { chgTmsCnt: 2, headChanges: { rcvgdEtpsNm: "加工单位（更名）" } });
  const third = await createManualChange(db, manual, { chgTmsCnt: 3, materialChanges: [{ modfMarkcd: "1", ...row(1, { dclQty: "60" }) }] });
  process.stdout.write(JSON.stringify({ emsNo: manual.emsNo, first: first.id, second: second.id, third: third.id }));
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => db.$disconnect());
