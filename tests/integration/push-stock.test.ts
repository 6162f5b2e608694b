import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { db } from "@/lib/db/client";
import { stockDispatchJob } from "@/lib/jobs/definitions/stock-dispatch";
import { sendJob } from "@/lib/jobs/send";
import { dispatchStockSubscription } from "@/lib/pushes/dispatch-stock";
import { getStockProgress } from "@/lib/pushes/progress";
import { createEnterprise, createManual, createStockSubscription } from "../support/factories";
import { setUpPushHarness, waitFor } from "../support/push-harness";
import { pushXmlParser as parser } from "../support/push-xml-parser";

const harness = setUpPushHarness();

/** A database row as the XML must show it: data-fields.md names, nulls omitted, decimals with their 5 stored places. */
function expectedRowXml(row: Record<string, unknown>, withAdjmtr: boolean) {
  const names: Record<string, string> = {
    gdsSeqno: "GdsSeqno",
    gdsMtno: "GdsMtno",
    gdecd: "Gdecd",
    gdsNm: "GdsNm",
    endprdGdsSpcfModelDesc: "EndprdGdsSpcfModelDesc",
    dclUnitcd: "DclUnitcd",
    lawfUnitcd: "LawfUnitcd",
    secdLawfUnitcd: "SecdLawfUnitcd",
    dclUprcAmt: "DclUprcAmt",
    dclQty: "DclQty",
    dclCurrcd: "DclCurrcd",
    natcd: "Natcd",
    lvyrlfModecd: "LvyrlfModecd",
    ...(withAdjmtr ? { adjmtrMarkcd: "AdjmtrMarkcd" } : {}),
    modfMarkcd: "ModfMarkcd",
  };
  const xml: Record<string, string> = {};
  for (const [field, element] of Object.entries(names)) {
    const value = row[field] as { toFixed?: (n: number) => string } | string | number | null;
    if (value === null || value === "") continue;
    xml[element] = typeof value === "object" && value.toFixed ? value.toFixed(5) : String(value);
  }
  return xml;
}

function readMessages(emsNo: string) {
  return harness.files(emsNo).map((name) => {
    const message = parser.parse(readFileSync(path.join(harness.inbox, emsNo, name), "utf8")).EmsPushMessage;
    return { name, head: message.Head, body: message.Body };
  });
}

describe("stock push (R5, R13, docs/rules.md §6)", () => {
  test("a large manual with range 1–10000 on both tables lands as 10 verified files whose rows equal the database rows", async () => {
    const fixture = await createEnterprise(db);
    await harness.routeTo(db, fixture.client.id);
    const manual = await createManual(db, { processingUnitCode: fixture.enterprise.customsCode, materials: 12_000, products: 10_500 });
    const key = (gdsSeqno: number) => ({ manualId_gdsSeqno: { manualId: manual.id, gdsSeqno } });
    // Values that need escaping, empty optional fields, and decimals at the edges of numeric(19,5).
    await db.manualMaterial.update({
      where: key(1),
      data: { gdsNm: `<芯片 & "封装">`, endprdGdsSpcfModelDesc: "规格\r\n第二行", dclUprcAmt: null, dclQty: "0.00001", secdLawfUnitcd: "035" },
    });
    await db.manualMaterial.update({ where: key(5_000), data: { natcd: null, dclUprcAmt: "-3.1" } });
    await db.manualProduct.update({ where: key(10_000), data: { dclUprcAmt: "12345678901234.56789", gdsNm: "成品 ]]> 'x'" } });

    const subscription = await createStockSubscription(db, fixture, manual, {
      materials: { from: 1, to: 10_000 },
      products: { from: 1, to: 10_000 },
    });
    await sendJob(stockDispatchJob, { subscriptionId: subscription.id });

    const files = await waitFor(
      () => harness.files(manual.emsNo),
      (f) => f.length >= 10,
      90_000,
    );
    expect(files).toHaveLength(10);
    const messages = readMessages(manual.emsNo).sort((a, b) => Number(a.head.PartNo) - Number(b.head.PartNo));
    const stored = await db.pushMessage.findMany({ where: { subscriptionId: subscription.id }, orderBy: { partNo: "asc" } });
    expect(stored.map((m) => `${m.messageId}.xml`)).toEqual(messages.map((m) => m.name));

    for (const [index, { head }] of messages.entries()) {
      expect(head).toMatchObject({
        MessageId: stored[index].messageId,
        MessageType: "STOCK",
        EmsNo: manual.emsNo,
        SubscriptionId: String(subscription.id),
        PartNo: String(index + 1),
        PartCount: "10",
      });
      expect(head.ChgTmsCnt).toBeUndefined();
      expect(head.CreatedAt).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
      expect(stored[index].messageId).toMatch(new RegExp(`^${head.CreatedAt.slice(0, 4)}\\d{16}$`));
    }
    for (const { body } of messages) {
      expect(body.NemsHead).toEqual({
        EmsNo: manual.emsNo,
        BizopEtpsno: manual.bizopEtpsno,
        BizopEtpsNm: "经营企业",
        RcvgdEtpsno: manual.rcvgdEtpsno,
        RcvgdEtpsNm: "加工单位",
        MasterCuscd: "5300",
        DclTypecd: "1",
        FinishValidDate: "20301231",
        ChgTmsCnt: "0",
        MtpckItemCnt: "12000",
        EndprdItemCnt: "10500",
        PutrecApprTime: "2025-01-01 10:00:00",
      });
      const rows = (body.NemsImgList?.NemsImg?.length ?? 0) + (body.NemsExgList?.NemsExg?.length ?? 0);
      expect(rows).toBe(2_000);
    }

    const pushedMaterials = messages.flatMap((m) => m.body.NemsImgList?.NemsImg ?? []);
    const pushedProducts = messages.flatMap((m) => m.body.NemsExgList?.NemsExg ?? []);
    const dbMaterials = await db.manualMaterial.findMany({ where: { manualId: manual.id, gdsSeqno: { lte: 10_000 } }, orderBy: { gdsSeqno: "asc" } });
    const dbProducts = await db.manualProduct.findMany({ where: { manualId: manual.id, gdsSeqno: { lte: 10_000 } }, orderBy: { gdsSeqno: "asc" } });
    expect(pushedMaterials).toHaveLength(10_000);
    expect(pushedProducts).toHaveLength(10_000);
    expect(pushedMaterials).toEqual(dbMaterials.map((r) => expectedRowXml(r, true)));
    expect(pushedProducts).toEqual(dbProducts.map((r) => expectedRowXml(r, false)));
    expect(pushedMaterials[0].GdsNm).toBe(`<芯片 & "封装">`);
    expect(pushedMaterials[0].EndprdGdsSpcfModelDesc).toBe("规格\r\n第二行");
    expect(pushedMaterials[4_999].DclUprcAmt).toBe("-3.10000");
    expect(pushedProducts[9_999].DclUprcAmt).toBe("12345678901234.56789");

    const delivered = await waitFor(
      () => db.pushMessage.findMany({ where: { subscriptionId: subscription.id }, include: { attempts: true } }),
      (all) => all.every((m) => m.dispatchStatus === "DELIVERED"),
    );
    for (const message of delivered) {
      expect(message.deliveredAt).toBeInstanceOf(Date);
      expect(message.attempts).toMatchObject([{ attemptNo: 1, delivered: true, httpStatus: 200, isResend: false, error: null }]);
    }
    expect(delivered.reduce((sum, m) => sum + m.rowCount, 0)).toBe(20_000);
    const progress = await getStockProgress({ db, enterpriseId: fixture.enterprise.id, subscriptionIds: [subscription.id] });
    expect(progress[subscription.id]).toEqual({ subscriptionId: subscription.id, total: 10, built: 10, delivered: 10, failed: 0, pending: 0 });
  }, 180_000);

  test("running a dispatch twice, or twice at once, gives one set of messages and one file each", async () => {
    const fixture = await createEnterprise(db);
    await harness.routeTo(db, fixture.client.id);
    const manual = await createManual(db, { processingUnitCode: fixture.enterprise.customsCode, materials: 30, products: 2_500 });
    const subscription = await createStockSubscription(db, fixture, manual, { materials: null, products: { from: null, to: null } });

    const results = await Promise.all([
      dispatchStockSubscription({ db, subscriptionId: subscription.id }),
      dispatchStockSubscription({ db, subscriptionId: subscription.id }),
    ]);
    await sendJob(stockDispatchJob, { subscriptionId: subscription.id });
    await sendJob(stockDispatchJob, { subscriptionId: subscription.id });
    expect(results.map((r) => (r.outcome === "dispatched" ? r.messageIds.length : 0)).sort()).toEqual([0, 2]);

    await waitFor(
      () => harness.files(manual.emsNo),
      (f) => f.length >= 2,
    );
    const messages = await waitFor(
      () => db.pushMessage.findMany({ where: { subscriptionId: subscription.id }, orderBy: { partNo: "asc" } }),
      (all) => all.every((m) => m.dispatchStatus === "DELIVERED"),
    );
    // Whole products table (empty range): 2,500 rows in parts of 2,000 and 500; no materials chosen.
    expect(messages.map((m) => [m.dedupeKey, m.partNo, m.partCount, m.rowCount])).toEqual([
      [`stock:${subscription.id}:1`, 1, 2, 2_000],
      [`stock:${subscription.id}:2`, 2, 2, 500],
    ]);
    await new Promise((resolve) => setTimeout(resolve, 2_500)); // the two extra jobs have run by now
    expect(await db.pushMessage.count({ where: { subscriptionId: subscription.id } })).toBe(2);
    expect(harness.files(manual.emsNo)).toEqual(messages.map((m) => `${m.messageId}.xml`).sort());
    const [first] = readMessages(manual.emsNo);
    expect(first.body.NemsImgList).toBeUndefined();
  });

  test("R12: nothing is dispatched for a subscription past validUntil (even before expiry ran) or cancelled", async () => {
    const fixture = await createEnterprise(db);
    const manual = await createManual(db, { processingUnitCode: fixture.enterprise.customsCode, materials: 5 });
    const lapsed = await createStockSubscription(db, fixture, manual, { validUntil: new Date(Date.now() - 1_000) });
    const cancelled = await createStockSubscription(db, fixture, manual, { status: "CANCELLED" });
    expect(await dispatchStockSubscription({ db, subscriptionId: lapsed.id })).toEqual({ outcome: "skipped", reason: "NOT_DISPATCHABLE" });
    expect(await dispatchStockSubscription({ db, subscriptionId: cancelled.id })).toEqual({ outcome: "skipped", reason: "NOT_DISPATCHABLE" });
    expect(await db.pushMessage.count({ where: { subscriptionId: { in: [lapsed.id, cancelled.id] } } })).toBe(0);
    const progress = await getStockProgress({ db, enterpriseId: fixture.enterprise.id, subscriptionIds: [lapsed.id] });
    expect(progress[lapsed.id]).toEqual({ subscriptionId: lapsed.id, total: null, built: 0, delivered: 0, failed: 0, pending: 0 });
  });
});
