// The subscribe form's manual picker (issue 17): own processing unit only, in force, with exact row counts.
import { expect, test } from "vitest";
import { db } from "@/lib/db/client";
import { listSubscribableManuals } from "@/lib/manuals/subscribable-manuals";
import { shanghaiDay } from "@/lib/time/shanghai";
import { createEnterprise, createManual } from "../support/factories";

test("lists the enterprise's own manuals in force with each table's count and highest 序号", async () => {
  const own = await createEnterprise(db);
  const other = await createEnterprise(db);
  const small = await createManual(db, { processingUnitCode: own.enterprise.customsCode, materials: 3, products: 2 });
  const empty = await createManual(db, { processingUnitCode: own.enterprise.customsCode });
  const ended = await createManual(db, { processingUnitCode: own.enterprise.customsCode, materials: 1 });
  await db.manual.update({ where: { id: ended.id }, data: { finishValidDate: new Date("2020-01-01") } });
  await db.manualMaterial.deleteMany({ where: { manualId: small.id, gdsSeqno: 2 } });
  await db.manual.update({ where: { id: small.id }, data: { chgApprTime: new Date("2026-11-30T02:00:00Z") } });
  const foreign = await createManual(db, { processingUnitCode: other.enterprise.customsCode, materials: 1 });

  const manuals = await listSubscribableManuals({ db, customsCode: own.enterprise.customsCode, today: shanghaiDay() });
  const emsNos = manuals.map((m) => m.emsNo);
  expect(emsNos).toEqual([small.emsNo, empty.emsNo].sort());
  expect(emsNos).not.toContain(ended.emsNo);
  expect(emsNos).not.toContain(foreign.emsNo);
  expect(manuals.find((m) => m.emsNo === small.emsNo)).toEqual({
    emsNo: small.emsNo,
    materialCount: 2,
    materialMaxSeqno: 3,
    productCount: 2,
    productMaxSeqno: 2,
    lastChangedAt: new Date("2026-11-30T02:00:00Z"),
  });
  expect(manuals.find((m) => m.emsNo === empty.emsNo)).toMatchObject({ materialCount: 0, materialMaxSeqno: 0, lastChangedAt: empty.putrecApprTime });
});
