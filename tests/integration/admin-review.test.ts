// R18 and R20 from the admin's side: every enterprise's records filtered and keyset-paged, a record's
// signature verified when it is opened, the audit log filtered, and the dashboard's figures.
import { beforeAll, describe, expect, test } from "vitest";
import { listAuditEntries } from "@/lib/audit/list-entries";
import { writeAudit } from "@/lib/audit/log";
import { sm2Sign } from "@/lib/crypto/sm2";
import { listExpiringSubscriptions } from "@/lib/dashboard/expiring-subscriptions";
import { listFailingClients } from "@/lib/dashboard/failing-clients";
import { pushDailyCounts } from "@/lib/dashboard/push-daily-counts";
import { db } from "@/lib/db/client";
import { listManualRows, loadManualHeader } from "@/lib/manuals/manual-detail";
import { listManuals } from "@/lib/manuals/list-manuals";
import { eachPage } from "@/lib/pagination/keyset";
import { countPushMessagesForReview, listPushMessagesForReview } from "@/lib/review/list-push-messages";
import { countSubscriptionsForReview, listSubscriptionsForReview } from "@/lib/review/list-subscriptions";
import { listManualRecipients } from "@/lib/review/manual-recipients";
import { parseFilters, ZManualRecipientsFilters, ZPushMessageReviewFilters } from "@/lib/validations/admin-filters";
import { loadSubscriptionRecord } from "@/lib/review/subscription-record";
import { canonicalJson } from "@/lib/signing/canonical";
import { addDaysToDay, shanghaiDay, startOfShanghaiDay } from "@/lib/time/shanghai";
import { createEnterprise, createManual, createStockSubscription, createSubscription } from "../support/factories";

type Fixture = Awaited<ReturnType<typeof createEnterprise>>;
let a: Fixture;
let b: Fixture;
let manualA: { id: number; emsNo: string };
let manualB: { id: number; emsNo: string };

beforeAll(async () => {
  a = await createEnterprise(db);
  b = await createEnterprise(db);
  manualA = await createManual(db, { processingUnitCode: a.enterprise.customsCode, materials: 120, products: 3 });
  manualB = await createManual(db, { processingUnitCode: b.enterprise.customsCode, materials: 1 });
});

let messageCounter = 0;
async function pushMessage(
  fixture: Fixture,
  manual: { emsNo: string },
  data: {
    dispatchStatus: "PENDING" | "DELIVERED" | "FAILED";
    dispatchedAt?: Date;
    attemptCount?: number;
    lastError?: string;
    subscriptionId?: number;
    importClientId?: number;
    type?: "STOCK" | "INCREMENT" | "TEST";
    deliveredAt?: Date;
    manualChangeId?: number;
  },
) {
  const messageId = `2026${String(process.pid).padStart(8, "0")}${String(Date.now() % 10_000).padStart(4, "0")}${String(++messageCounter).padStart(4, "0")}`;
  return db.pushMessage.create({
    data: {
      messageId,
      dedupeKey: `review:${messageId}`,
      enterpriseId: fixture.enterprise.id,
      importClientId: fixture.client.id,
      emsNo: manual.emsNo,
      type: "INCREMENT",
      body: "<EmsPushMessage/>",
      ...data,
    },
  });
}

describe("subscription review", () => {
  test("推送次数 of a record counts that record's messages only, in the list and when the record is opened", async () => {
    const own = await createEnterprise(db);
    const other = await createEnterprise(db);
    const ownManual = await createManual(db, { processingUnitCode: own.enterprise.customsCode, materials: 1 });
    const otherManual = await createManual(db, { processingUnitCode: other.enterprise.customsCode, materials: 1 });
    const pushed = await createStockSubscription(db, own, ownManual);
    const quiet = await createStockSubscription(db, own, ownManual);
    const elsewhere = await createStockSubscription(db, other, otherManual);
    for (const status of ["DELIVERED", "FAILED"] as const) await pushMessage(own, ownManual, { dispatchStatus: status, subscriptionId: pushed.id });
    await pushMessage(other, otherManual, { dispatchStatus: "DELIVERED", subscriptionId: elsewhere.id });

    const { rows } = await listSubscriptionsForReview({ db, filters: { customsCode: own.enterprise.customsCode } });
    const countOf = (id: number) => rows.find((r) => r.id === id)?.pushCount;
    expect([countOf(pushed.id), countOf(quiet.id)]).toEqual([2, 0]);
    expect((await loadSubscriptionRecord({ db, subscriptionId: pushed.id }))?.pushCount).toBe(2);
    expect((await loadSubscriptionRecord({ db, subscriptionId: quiet.id }))?.pushCount).toBe(0);
  });

  test("filters across enterprises by 海关十位, 账册号, kind, status and day, and pages without gaps or repeats", async () => {
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push((await createStockSubscription(db, a, manualA)).id);
    const incremental = await createSubscription(db, a, manualA);
    const lapsed = await createSubscription(db, b, manualB, { validUntil: new Date(Date.now() - 1_000) });

    const all = [];
    for await (const rows of eachPage((after) =>
      listSubscriptionsForReview({ db, filters: { customsCode: a.enterprise.customsCode }, after, pageSize: 2 }),
    )) {
      expect(rows.length).toBeLessThanOrEqual(2);
      all.push(...rows.map((r) => r.id));
    }
    expect(all).toEqual([incremental.id, ...ids.reverse()]);

    const only = (filters: Parameters<typeof listSubscriptionsForReview>[0]["filters"]) =>
      listSubscriptionsForReview({ db, filters }).then((page) => page.rows.map((r) => r.id));
    expect(await only({ emsNo: manualA.emsNo, kind: "INCREMENTAL" })).toEqual([incremental.id]);
    expect(await only({ emsNo: manualA.emsNo, kind: "STOCK" })).toHaveLength(5);
    expect(await only({ customsCode: b.enterprise.customsCode, status: "EXPIRED" })).toEqual([lapsed.id]);
    expect(await only({ customsCode: b.enterprise.customsCode, status: "ACTIVE" })).toEqual([]);
    expect(await only({ emsNo: manualA.emsNo, dateFrom: shanghaiDay(), dateTo: shanghaiDay() })).toHaveLength(6);
    expect(await only({ emsNo: manualA.emsNo, dateTo: "2020-01-01" })).toEqual([]);

    const [row] = (await listSubscriptionsForReview({ db, filters: { customsCode: b.enterprise.customsCode } })).rows;
    expect(row).toMatchObject({
      customsCode: b.enterprise.customsCode,
      cardNo: b.legalCard.cardNo,
      cardHolder: "法人",
      status: "EXPIRED",
      cardKind: "LEGAL_PERSON",
      // 订阅内容 as data, worded by the page (lib/subscriptions/content.ts).
      content: { stock: null, incremental: { emsNo: manualB.emsNo } },
    });
  });

  test("a record opened verifies its stored signature against the card's registered key", async () => {
    const payload = {
      clientId: a.client.clientId,
      stockEnabled: false,
      incrementalEnabled: true,
      stockEmsNo: "",
      pushMaterials: false,
      pushProducts: false,
      materialFrom: "",
      materialTo: "",
      productFrom: "",
      productTo: "",
      incrementalEmsNo: manualA.emsNo,
      validUntil: "2030-01-01",
    };
    // A record signed before statement/2 (canonical-json/1, the raw form) keeps verifying with its own format.
    const signedPayload = canonicalJson({ action: "SUBSCRIBE", challenge: "7d3c2b1a-0000-4000-8000-000000000001", payload });
    const signature = sm2Sign(a.legalCard.privateKey, a.legalCard.publicKey, signedPayload);
    const record = await createSubscription(db, a, manualA, { status: "CANCELLED" });
    await db.subscription.update({ where: { id: record.id }, data: { signedPayload, signature } });

    const opened = await loadSubscriptionRecord({ db, subscriptionId: record.id });
    expect(opened).toMatchObject({ card: { cardNo: a.legalCard.cardNo, holder: "法人", kind: "LEGAL_PERSON" }, signedPayload, signature });
    expect(opened?.signatureCheck).toEqual({ valid: true, cardNo: a.legalCard.cardNo, problems: [] });

    await db.card.update({ where: { id: a.legalCard.id }, data: { status: "REVOKED" } });
    try {
      expect((await loadSubscriptionRecord({ db, subscriptionId: record.id }))?.signatureCheck).toEqual({
        valid: false,
        cardNo: a.legalCard.cardNo,
        problems: [{ reason: "CARD_REVOKED" }],
      });
    } finally {
      await db.card.update({ where: { id: a.legalCard.id }, data: { status: "ACTIVE" } });
    }
    await db.subscription.update({ where: { id: record.id }, data: { signedPayload: signedPayload.replace("2030-01-01", "2031-01-01") } });
    expect((await loadSubscriptionRecord({ db, subscriptionId: record.id }))?.signatureCheck.problems).toEqual([{ reason: "SIGNATURE_MISMATCH" }]);
    expect(await loadSubscriptionRecord({ db, subscriptionId: 999_999_999 })).toBeNull();
  });
});

describe("push message review and dashboard", () => {
  test("filters push messages and counts them per day; failing clients and expiring subscriptions are listed", async () => {
    const delivered = await pushMessage(b, manualB, { dispatchStatus: "DELIVERED" });
    const failed = await pushMessage(b, manualB, { dispatchStatus: "FAILED", attemptCount: 4, lastError: "connect ECONNREFUSED" });
    const retrying = await pushMessage(b, manualB, { dispatchStatus: "PENDING", attemptCount: 1, lastError: "HTTP 503" });
    const old = await pushMessage(b, manualB, { dispatchStatus: "DELIVERED", dispatchedAt: new Date(Date.now() - 20 * 86_400_000) });

    const messages = (filters: Parameters<typeof listPushMessagesForReview>[0]["filters"]) =>
      listPushMessagesForReview({ db, filters }).then((page) => page.rows.map((r) => r.messageId));
    expect(await messages({ customsCode: b.enterprise.customsCode })).toEqual([retrying, failed, delivered, old].map((m) => m.messageId));
    expect(await messages({ emsNo: manualB.emsNo, status: "FAILED" })).toEqual([failed.messageId]);
    expect(await messages({ messageId: old.messageId })).toEqual([old.messageId]);
    expect(await messages({ customsCode: b.enterprise.customsCode, dateFrom: shanghaiDay() })).toHaveLength(3);

    const days = await pushDailyCounts({ db });
    expect(days).toHaveLength(14);
    expect(days.at(-1)?.day).toBe(shanghaiDay());
    expect(days.at(-1)?.delivered).toBeGreaterThanOrEqual(1);
    expect(days.at(-1)?.failed).toBeGreaterThanOrEqual(1);

    // Old 下发失败 messages alone do not make a client failing now (lib/import-clients/failing-now.ts).
    expect((await listFailingClients({ db, limit: 1_000 })).find((c) => c.clientId === b.client.clientId)).toBeUndefined();

    const soon = await createStockSubscription(db, b, manualB, { validUntil: new Date(Date.now() + 5 * 86_400_000) });
    await createStockSubscription(db, b, manualB, { validUntil: new Date(Date.now() + 40 * 86_400_000) });
    await createStockSubscription(db, b, manualB, { validUntil: new Date(Date.now() + 6 * 86_400_000), status: "CANCELLED" });
    const expiring = await listExpiringSubscriptions({ db, limit: 1_000 });
    expect(expiring.rows.filter((r) => r.customsCode === b.enterprise.customsCode).map((r) => r.id)).toEqual([soon.id]);
  });
});

describe("manuals", () => {
  test("lists manuals by number or processing unit and pages a manual's rows, searchable by serial or part number", async () => {
    expect((await listManuals({ db, q: a.enterprise.customsCode })).rows.map((m) => m.emsNo)).toEqual([manualA.emsNo]);
    expect((await listManuals({ db, q: manualB.emsNo.toLowerCase() })).rows.map((m) => m.emsNo)).toEqual([manualB.emsNo]);
    const header = await loadManualHeader({ db, emsNo: manualA.emsNo });
    expect(header).toMatchObject({ emsNo: manualA.emsNo, mtpckItemCnt: 120, pendingChanges: 0 });

    const first = await listManualRows({ db, manualId: manualA.id, table: "materials" });
    expect(first.rows.map((r) => r.gdsSeqno)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(first.rows[0].values).toMatchObject({ gdsMtno: "P1", dclUprcAmt: "1.25000", adjmtrMarkcd: "1" });
    const second = await listManualRows({ db, manualId: manualA.id, table: "materials", after: Number(first.nextCursor) });
    expect(second.rows[0].gdsSeqno).toBe(51);
    expect((await listManualRows({ db, manualId: manualA.id, table: "materials", q: "12" })).rows.map((r) => r.gdsSeqno)).toEqual([12]);
    expect((await listManualRows({ db, manualId: manualA.id, table: "materials", q: "p11" })).rows.map((r) => r.gdsSeqno)).toEqual([
      11, 110, 111, 112, 113, 114, 115, 116, 117, 118, 119,
    ]);
    expect((await listManualRows({ db, manualId: manualA.id, table: "products" })).rows[0].values).not.toHaveProperty("adjmtrMarkcd");
  });
});

describe("audit log viewer", () => {
  test("filters by action, outcome, enterprise and account, and pages newest first", async () => {
    for (let i = 0; i < 3; i++) {
      await writeAudit(db, {
        action: "RESEND",
        actorUserId: a.user.id,
        actorAccount: a.user.accountCode,
        enterpriseId: a.enterprise.id,
        targetId: i,
      });
    }
    await writeAudit(db, { action: "SIGNATURE_REFUSED", outcome: "REFUSED", actorAccount: a.user.accountCode, enterpriseId: a.enterprise.id });

    const byEnterprise = await listAuditEntries({ db, filters: { customsCode: a.enterprise.customsCode, action: "RESEND" }, pageSize: 2 });
    expect(byEnterprise.rows.map((r) => r.targetId)).toEqual(["2", "1"]);
    expect(byEnterprise.rows[0]).toMatchObject({ customsCode: a.enterprise.customsCode, actorAccount: a.user.accountCode });
    const next = await listAuditEntries({
      db,
      filters: { customsCode: a.enterprise.customsCode, action: "RESEND" },
      pageSize: 2,
      after: byEnterprise.nextCursor,
    });
    expect(next.rows.map((r) => r.targetId)).toEqual(["0"]);
    expect(next.nextCursor).toBeNull();

    expect((await listAuditEntries({ db, filters: { account: a.user.accountCode, outcome: "REFUSED" } })).rows.map((r) => r.action)).toEqual([
      "SIGNATURE_REFUSED",
    ]);
    expect((await listAuditEntries({ db, filters: { customsCode: "ZZZZZZZZZZ" } })).rows).toEqual([]);
  });
});

describe("paging both ways with a total (issue 18)", () => {
  test("上一页 returns the very rows of the page before, numbering back at 1 on the first page; the total counts the filter", async () => {
    const fixture = await createEnterprise(db);
    const manual = await createManual(db, { processingUnitCode: fixture.enterprise.customsCode, materials: 1 });
    const start = Date.now() - 3_600_000;
    const messages = [];
    for (let i = 0; i < 5; i++)
      messages.push(await pushMessage(fixture, manual, { dispatchStatus: "DELIVERED", dispatchedAt: new Date(start + i * 1_000) }));
    const newestFirst = messages.map((m) => m.messageId).reverse();
    const filters = { customsCode: fixture.enterprise.customsCode };
    const ids = (page: { rows: { messageId: string }[] }) => page.rows.map((r) => r.messageId);

    const first = await listPushMessagesForReview({ db, filters, pageSize: 2 });
    expect([ids(first), first.prevCursor]).toEqual([newestFirst.slice(0, 2), null]);
    const second = await listPushMessagesForReview({ db, filters, pageSize: 2, after: first.nextCursor });
    const third = await listPushMessagesForReview({ db, filters, pageSize: 2, after: second.nextCursor });
    expect([ids(third), third.nextCursor]).toEqual([newestFirst.slice(4), null]);

    const backToSecond = await listPushMessagesForReview({ db, filters, pageSize: 2, before: third.prevCursor });
    expect(ids(backToSecond)).toEqual(ids(second));
    expect(backToSecond.nextCursor).toBe(second.nextCursor);
    const backToFirst = await listPushMessagesForReview({ db, filters, pageSize: 2, before: backToSecond.prevCursor });
    expect([ids(backToFirst), backToFirst.prevCursor]).toEqual([newestFirst.slice(0, 2), null]);
    // A cursor that is no cursor reads the first page, as `after` always has.
    expect(ids(await listPushMessagesForReview({ db, filters, pageSize: 2, before: "x.1" }))).toEqual(newestFirst.slice(0, 2));

    expect(await countPushMessagesForReview({ db, filters })).toEqual({ count: 5, capped: false });
    expect(await countPushMessagesForReview({ db, filters: { ...filters, status: "FAILED" } })).toEqual({ count: 0, capped: false });

    const subscriptions = [];
    for (let i = 0; i < 3; i++) subscriptions.push(await createStockSubscription(db, fixture, manual));
    const subscriptionFilters = { customsCode: fixture.enterprise.customsCode };
    const page1 = await listSubscriptionsForReview({ db, filters: subscriptionFilters, pageSize: 2 });
    const page2 = await listSubscriptionsForReview({ db, filters: subscriptionFilters, pageSize: 2, after: page1.nextCursor });
    const back = await listSubscriptionsForReview({ db, filters: subscriptionFilters, pageSize: 2, before: page2.prevCursor });
    expect(back.rows.map((r) => r.id)).toEqual(page1.rows.map((r) => r.id));
    expect(page1.rows[0].cardKind).toBe("LEGAL_PERSON");
    expect(await countSubscriptionsForReview({ db, filters: subscriptionFilters })).toEqual({ count: 3, capped: false });
  });

  test("a change's link lists the messages that change pushed, not every INCREMENT message of its manual", async () => {
    const fixture = await createEnterprise(db);
    const manual = await createManual(db, { processingUnitCode: fixture.enterprise.customsCode, materials: 1 });
    const [second, fourth] = await Promise.all(
      [2, 4].map((chgTmsCnt) => db.manualChange.create({ data: { manualId: manual.id, chgTmsCnt, status: "APPROVED" }, select: { id: true } })),
    );
    const ofSecond = await pushMessage(fixture, manual, { dispatchStatus: "DELIVERED", manualChangeId: second.id });
    await pushMessage(fixture, manual, { dispatchStatus: "DELIVERED", manualChangeId: fourth.id });
    const parsed = parseFilters(ZPushMessageReviewFilters, { manualChangeId: String(second.id) });
    expect(parsed.ok).toBe(true);
    const page = await listPushMessagesForReview({ db, filters: parsed.ok ? parsed.filters : {} });
    expect(page.rows.map((r) => r.messageId)).toEqual([ofSecond.messageId]);
    expect(parseFilters(ZPushMessageReviewFilters, { manualChangeId: "2.5" })).toEqual({
      ok: false,
      errors: { manualChangeId: expect.objectContaining({ key: expect.any(String) }) },
    });
  });
});

describe("a manual's recipients (issue 18)", () => {
  test("groups the manual's data messages of a Shanghai day range by enterprise and client, with counts and the last delivery", async () => {
    const first = await createEnterprise(db);
    const second = await createEnterprise(db);
    const spare = await db.importClient.create({
      data: {
        clientId: `D${first.client.clientId.slice(1)}`,
        enterpriseId: first.enterprise.id,
        name: "备用客户端",
        endpointUrl: "http://127.0.0.1:8788/push",
      },
    });
    const manual = await createManual(db, { processingUnitCode: first.enterprise.customsCode, materials: 1 });
    const other = await createManual(db, { processingUnitCode: first.enterprise.customsCode, materials: 1 });
    const today = shanghaiDay();
    // 00:30 Beijing time today is 16:30 UTC yesterday: counted as today.
    const earlyToday = new Date(startOfShanghaiDay(today).getTime() + 30 * 60_000);
    const lastWeek = startOfShanghaiDay(addDaysToDay(today, -8));
    const lateDelivery = new Date(earlyToday.getTime() + 60_000);

    await pushMessage(first, manual, { dispatchStatus: "DELIVERED", dispatchedAt: earlyToday, deliveredAt: earlyToday });
    await pushMessage(first, manual, { dispatchStatus: "DELIVERED", dispatchedAt: earlyToday, deliveredAt: lateDelivery, type: "STOCK" });
    await pushMessage(first, manual, { dispatchStatus: "FAILED", dispatchedAt: earlyToday });
    await pushMessage(first, manual, { dispatchStatus: "PENDING", dispatchedAt: earlyToday, importClientId: spare.id });
    await pushMessage(second, manual, { dispatchStatus: "DELIVERED", dispatchedAt: lastWeek, deliveredAt: lastWeek });
    // Neither a test message nor another manual's message counts.
    await pushMessage(first, manual, { dispatchStatus: "DELIVERED", dispatchedAt: earlyToday, type: "TEST" });
    await pushMessage(first, other, { dispatchStatus: "DELIVERED", dispatchedAt: earlyToday });

    const week = await listManualRecipients({ db, emsNo: manual.emsNo, dateFrom: addDaysToDay(today, -6), dateTo: today });
    expect(week).toEqual([
      {
        customsCode: first.enterprise.customsCode,
        enterpriseName: first.enterprise.name,
        clients: [
          { clientId: first.client.clientId, clientName: "导入客户端", delivered: 2, failed: 1, pending: 0, lastDeliveredAt: lateDelivery },
          { clientId: spare.clientId, clientName: "备用客户端", delivered: 0, failed: 0, pending: 1, lastDeliveredAt: null },
        ],
      },
    ]);
    const allTime = await listManualRecipients({ db, emsNo: manual.emsNo });
    expect(allTime.map((r) => [r.customsCode, r.clients.map((c) => c.delivered)])).toEqual(
      [
        [first.enterprise.customsCode, [2, 0]],
        [second.enterprise.customsCode, [1]],
      ].sort((x, y) => String(x[0]).localeCompare(String(y[0]))),
    );
    expect(await listManualRecipients({ db, emsNo: manual.emsNo, dateFrom: addDaysToDay(today, 1) })).toEqual([]);

    expect(parseFilters(ZManualRecipientsFilters, { dateFrom: today, dateTo: addDaysToDay(today, -1) })).toMatchObject({
      ok: false,
      errors: { dateTo: { key: "filters.dateOrder" } },
    });
    expect(parseFilters(ZManualRecipientsFilters, { dateFrom: "2026-13-01" })).toMatchObject({
      ok: false,
      errors: { dateFrom: { key: "filters.dayFormat" } },
    });
  });
});
