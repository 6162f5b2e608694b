import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { db } from "@/lib/db/client";
import { approveManualChange } from "@/lib/manuals/approve-change";
import { rejectManualChange } from "@/lib/manuals/reject-change";
import { dispatchApprovedChange } from "@/lib/pushes/dispatch-change";
import { formatShanghaiDateTime } from "@/lib/time/shanghai";
import {
  createCustomsAdmin,
  createEnterprise,
  createManual,
  createManualChange,
  createStockSubscription,
  createSubscription,
} from "../support/factories";
import { setUpPushHarness, waitFor } from "../support/push-harness";
import { pushXmlParser as parser } from "../support/push-xml-parser";

const harness = setUpPushHarness();

const newRow = (gdsSeqno: number, extra: object = {}) => ({
  gdsSeqno,
  gdsMtno: `NEW${gdsSeqno}`,
  gdecd: "8541401000",
  gdsNm: `新料件${gdsSeqno}`,
  dclUnitcd: "035",
  lawfUnitcd: "035",
  dclUprcAmt: "2.5",
  dclQty: 10,
  dclCurrcd: "142",
  natcd: "142",
  lvyrlfModecd: "3",
  ...extra,
});

describe("approved change → INCREMENT push (R13, R19)", () => {
  test("applies the change in one transaction and pushes it only to ACTIVE incremental subscriptions whose validity covers the approval", async () => {
    const unit = await createEnterprise(db);
    const other = await createEnterprise(db);
    const late = await createEnterprise(db);
    for (const fixture of [unit, other, late]) await harness.routeTo(db, fixture.client.id);
    const manual = await createManual(db, { processingUnitCode: unit.enterprise.customsCode, materials: 5, products: 3 });
    const otherManual = await createManual(db, { processingUnitCode: unit.enterprise.customsCode, materials: 2 });

    const active = await createSubscription(db, unit, manual);
    const cancelled = await createSubscription(db, unit, manual, { status: "CANCELLED" });
    const expired = await createSubscription(db, unit, manual, { status: "EXPIRED", validUntil: new Date(Date.now() - 86_400_000) });
    const lapsed = await createSubscription(db, other, manual, { validUntil: new Date(Date.now() - 1_000) }); // expiry job not run yet
    const createdAfter = await createSubscription(db, late, manual);
    await db.subscription.update({ where: { id: createdAfter.id }, data: { createdAt: new Date(Date.now() + 3_600_000) } });
    const otherManualSubscription = await createSubscription(db, unit, otherManual);
    const stock = await createStockSubscription(db, unit, manual, { validUntil: new Date(Date.now() + 86_400_000) });

    const admin = await createCustomsAdmin(db);
    const change = await createManualChange(db, manual, {
      chgTmsCnt: 1,
      headChanges: { rcvgdEtpsNm: "加工单位（更名）& 分厂", finishValidDate: "20311231" },
      materialChanges: [
        { modfMarkcd: "1", ...newRow(2, { gdsMtno: "P2", gdsNm: "集成电路2（改）", dclQty: "3.5", adjmtrMarkcd: "2" }) },
        { modfMarkcd: "2", gdsSeqno: 4 },
        { modfMarkcd: "3", ...newRow(6, { adjmtrMarkcd: "1" }) },
      ],
      productChanges: [{ modfMarkcd: "2", gdsSeqno: 1 }],
    });

    const { decidedAt } = await approveManualChange({ db, manualChangeId: change.id, adminUserId: admin.id });

    // The manual as approved.
    const updated = await db.manual.findUniqueOrThrow({ where: { id: manual.id } });
    expect(updated).toMatchObject({
      chgTmsCnt: 1,
      chgApprTime: decidedAt,
      rcvgdEtpsNm: "加工单位（更名）& 分厂",
      finishValidDate: new Date("2031-12-31T00:00:00Z"),
      mtpckItemCnt: 5,
      endprdItemCnt: 2,
    });
    const materials = await db.manualMaterial.findMany({ where: { manualId: manual.id }, orderBy: { gdsSeqno: "asc" } });
    expect(materials.map((m) => [m.gdsSeqno, m.modfMarkcd])).toEqual([
      [1, "0"],
      [2, "1"],
      [3, "0"],
      [5, "0"],
      [6, "3"],
    ]);
    expect(materials[1].dclQty?.toFixed(5)).toBe("3.50000");
    expect(await db.manualProduct.count({ where: { manualId: manual.id, gdsSeqno: 1 } })).toBe(0);
    expect(await db.manualChange.findUniqueOrThrow({ where: { id: change.id } })).toMatchObject({
      status: "APPROVED",
      decidedAt,
      decidedById: admin.id,
    });
    expect(
      await db.auditLog.count({ where: { action: "APPROVE", targetType: "ManualChange", targetId: String(change.id), actorUserId: admin.id } }),
    ).toBe(1);

    // One INCREMENT file, for the active subscription only.
    const files = await waitFor(
      () => harness.files(manual.emsNo),
      (f) => f.length >= 1,
    );
    await waitFor(
      () => db.pushMessage.findMany({ where: { manualChangeId: change.id } }),
      (all) => all.length > 0 && all.every((m) => m.dispatchStatus === "DELIVERED"),
    );
    const messages = await db.pushMessage.findMany({ where: { manualChangeId: change.id } });
    expect(messages.map((m) => [m.subscriptionId, m.type, m.dedupeKey])).toEqual([[active.id, "INCREMENT", `change:${change.id}:${active.id}:1`]]);
    for (const silent of [cancelled, expired, lapsed, createdAfter, otherManualSubscription, stock]) {
      expect(await db.pushMessage.count({ where: { subscriptionId: silent.id } })).toBe(0);
    }
    expect(files).toEqual([`${messages[0].messageId}.xml`]);

    const xml = parser.parse(readFileSync(path.join(harness.inbox, manual.emsNo, files[0]), "utf8")).EmsPushMessage;
    expect(xml.Head).toMatchObject({
      MessageId: messages[0].messageId,
      MessageType: "INCREMENT",
      EmsNo: manual.emsNo,
      SubscriptionId: String(active.id),
      ChgTmsCnt: "1",
      PartNo: "1",
      PartCount: "1",
    });
    expect(xml.Body.NemsHead).toMatchObject({
      EmsNo: manual.emsNo,
      RcvgdEtpsNm: "加工单位（更名）& 分厂",
      FinishValidDate: "20311231",
      ChgTmsCnt: "1",
      MtpckItemCnt: "5",
      EndprdItemCnt: "2",
      ChgApprTime: formatShanghaiDateTime(decidedAt),
    });
    expect(xml.Body.NemsImgList.NemsImg).toEqual([
      {
        GdsSeqno: "2",
        GdsMtno: "P2",
        Gdecd: "8541401000",
        GdsNm: "集成电路2（改）",
        DclUnitcd: "035",
        LawfUnitcd: "035",
        DclUprcAmt: "2.50000",
        DclQty: "3.50000",
        DclCurrcd: "142",
        Natcd: "142",
        LvyrlfModecd: "3",
        AdjmtrMarkcd: "2",
        ModfMarkcd: "1",
      },
      {
        // Deleted: the row as it was, marked 2.
        GdsSeqno: "4",
        GdsMtno: "P4",
        Gdecd: "8542319000",
        GdsNm: "集成电路4",
        DclUnitcd: "007",
        LawfUnitcd: "007",
        DclUprcAmt: "1.25000",
        DclQty: "100.00000",
        DclCurrcd: "502",
        Natcd: "142",
        LvyrlfModecd: "3",
        AdjmtrMarkcd: "1",
        ModfMarkcd: "2",
      },
      {
        GdsSeqno: "6",
        GdsMtno: "NEW6",
        Gdecd: "8541401000",
        GdsNm: "新料件6",
        DclUnitcd: "035",
        LawfUnitcd: "035",
        DclUprcAmt: "2.50000",
        DclQty: "10.00000",
        DclCurrcd: "142",
        Natcd: "142",
        LvyrlfModecd: "3",
        AdjmtrMarkcd: "1",
        ModfMarkcd: "3",
      },
    ]);
    expect(xml.Body.NemsExgList.NemsExg.map((r: Record<string, string>) => [r.GdsSeqno, r.GdsNm, r.ModfMarkcd])).toEqual([["1", "集成电路1", "2"]]);

    // Dispatching the same change again creates nothing.
    expect(await dispatchApprovedChange({ db, manualChangeId: change.id })).toEqual({ messageIds: [] });
    expect(await db.pushMessage.count({ where: { manualChangeId: change.id } })).toBe(1);

    // Once cancelled, the subscription gets nothing from the next change.
    await db.subscription.update({ where: { id: active.id }, data: { status: "CANCELLED", cancelledAt: new Date() } });
    const next = await createManualChange(db, manual, { chgTmsCnt: 2, productChanges: [{ modfMarkcd: "3", ...newRow(9) }] });
    await approveManualChange({ db, manualChangeId: next.id, adminUserId: admin.id });
    expect(await dispatchApprovedChange({ db, manualChangeId: next.id })).toEqual({ messageIds: [] });
    expect(await db.pushMessage.count({ where: { manualChangeId: next.id } })).toBe(0);
  });

  test("refuses a decided, out-of-order or malformed change and changes nothing", async () => {
    const unit = await createEnterprise(db);
    const manual = await createManual(db, { processingUnitCode: unit.enterprise.customsCode, materials: 3 });
    const admin = await createCustomsAdmin(db);

    const malformed = await createManualChange(db, manual, { chgTmsCnt: 1, materialChanges: [{ modfMarkcd: "9", gdsSeqno: 1 }] });
    await expect(approveManualChange({ db, manualChangeId: malformed.id, adminUserId: admin.id })).rejects.toMatchObject({ code: "INVALID_CONTENT" });
    expect((await db.manualChange.findUniqueOrThrow({ where: { id: malformed.id } })).status).toBe("PENDING");
    expect((await db.manual.findUniqueOrThrow({ where: { id: manual.id } })).chgTmsCnt).toBe(0);

    // Strictly in order: change 2 waits until the malformed change 1 is decided (returned).
    const good = await createManualChange(db, manual, { chgTmsCnt: 2, materialChanges: [{ modfMarkcd: "2", gdsSeqno: 3 }] });
    await expect(approveManualChange({ db, manualChangeId: good.id, adminUserId: admin.id })).rejects.toMatchObject({ code: "OUT_OF_ORDER" });
    await rejectManualChange({ db, manualChangeId: malformed.id, adminUserId: admin.id, reason: "格式有误" });
    await approveManualChange({ db, manualChangeId: good.id, adminUserId: admin.id });
    await expect(approveManualChange({ db, manualChangeId: good.id, adminUserId: admin.id })).rejects.toMatchObject({ code: "ALREADY_DECIDED" });
    await expect(approveManualChange({ db, manualChangeId: 999_999_999, adminUserId: admin.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.auditLog.count({ where: { action: "APPROVE", targetId: { in: [String(malformed.id), String(good.id)] } } })).toBe(1);
    expect(await db.manualMaterial.count({ where: { manualId: manual.id } })).toBe(2);
  });
});
