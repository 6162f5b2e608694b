// R16–R17 through the signed action path: push-log query, resend with any card, tenant isolation.
import { afterAll, describe, expect, test } from "vitest";
import { runSignedAction } from "@/lib/actions/run-signed";
import { signedActionOf } from "@/lib/signing/registry";
import { db } from "@/lib/db/client";
import { stopSender } from "@/lib/jobs/send";
import { getPushMessageDetail } from "@/lib/pushes/detail";
import { dispatchStockSubscription } from "@/lib/pushes/dispatch-stock";
import { listPushLog } from "@/lib/pushes/log";
import { addDaysToDay, shanghaiDay } from "@/lib/time/shanghai";
import { type TResendRequest } from "@/lib/validations/push-log";
import { createEnterprise, createManual, createStockSubscription } from "../support/factories";
import { startPushHarness, waitFor } from "../support/push-harness";
import { actorFor, signRequest } from "../support/signing";

type Fixture = Awaited<ReturnType<typeof createEnterprise>>;

/** An enterprise whose stock subscription of all `materials` rows has been built (2,000 rows a part). */
async function enterpriseWithMessages(materials = 2) {
  const fixture = await createEnterprise(db);
  // Nothing listens on the discard port: deliveries fail harmlessly unless a test routes the client.
  await db.importClient.update({ where: { id: fixture.client.id }, data: { endpointUrl: "http://127.0.0.1:9/push" } });
  const manual = await createManual(db, { processingUnitCode: fixture.enterprise.customsCode, materials });
  const subscription = await createStockSubscription(db, fixture, manual, { materials: { from: 1, to: materials } });
  await dispatchStockSubscription({ db, subscriptionId: subscription.id });
  const messages = await db.pushMessage.findMany({ where: { subscriptionId: subscription.id }, orderBy: { id: "asc" } });
  return { fixture, manual, messages };
}

const today = shanghaiDay();
const queryOf = (emsNo: string, extra: Partial<{ status: "PENDING" | "DELIVERED" | "FAILED" }> = {}) => ({
  emsNo,
  from: addDaysToDay(today, -6),
  to: today,
  ...extra,
});

async function resend(fixture: Fixture, payload: TResendRequest, card: Fixture["legalCard"] | Fixture["operatorCard"] = fixture.operatorCard) {
  const request = await signRequest({ fixture, action: "RESEND", payload, card });
  return runSignedAction({ actor: actorFor(fixture), definition: signedActionOf("RESEND"), request });
}

afterAll(() => stopSender());

describe("push log (R16)", () => {
  test("own messages of the manual in the range, newest first, keyset pages and failed count", async () => {
    const { fixture, manual, messages } = await enterpriseWithMessages(4_500);
    expect(messages).toHaveLength(3);
    await db.pushMessage.update({ where: { id: messages[0].id }, data: { dispatchStatus: "FAILED" } });
    const scope = { enterpriseId: fixture.enterprise.id };
    const first = await listPushLog({ db, scope, query: queryOf(manual.emsNo), pageSize: 2 });
    expect(first.failedCount).toBe(1);
    const second = await listPushLog({ db, scope, query: queryOf(manual.emsNo), pageSize: 2, after: first.nextCursor! });
    expect([...first.rows, ...second.rows].map((r) => r.id)).toEqual(messages.map((m) => m.id).reverse());
    expect(second.nextCursor).toBeNull();
    expect((await listPushLog({ db, scope, query: queryOf(manual.emsNo, { status: "FAILED" }) })).rows.map((r) => r.id)).toEqual([messages[0].id]);
    const longAgo = { emsNo: manual.emsNo, from: "2020-01-01", to: "2020-01-31" };
    expect((await listPushLog({ db, scope, query: longAgo })).rows).toEqual([]);
  });

  test("all manuals when no 账册号 is given, or one subscription's, or one message id; never another enterprise's", async () => {
    const a = await enterpriseWithMessages(2);
    const second = await createManual(db, { processingUnitCode: a.fixture.enterprise.customsCode, materials: 1 });
    const subscription = await createStockSubscription(db, a.fixture, second, { materials: { from: 1, to: 1 } });
    await dispatchStockSubscription({ db, subscriptionId: subscription.id });
    const other = await enterpriseWithMessages(1);
    const scope = { enterpriseId: a.fixture.enterprise.id };
    const range = { from: addDaysToDay(today, -6), to: today };

    const all = await listPushLog({ db, scope, query: range });
    expect(new Set(all.rows.map((r) => r.emsNo))).toEqual(new Set([a.manual.emsNo, second.emsNo]));
    expect(all.rows.map((r) => r.id)).not.toContain(other.messages[0].id);

    const ofSubscription = await listPushLog({ db, scope, query: { ...range, subscriptionId: subscription.id } });
    expect(ofSubscription.rows.map((r) => r.emsNo)).toEqual([second.emsNo]);
    const byId = await listPushLog({ db, scope, query: { ...range, messageId: a.messages[0].messageId } });
    expect(byId.rows.map((r) => r.id)).toEqual([a.messages[0].id]);
    // Another enterprise's subscription or message id finds nothing.
    expect((await listPushLog({ db, scope, query: { ...range, messageId: other.messages[0].messageId } })).rows).toEqual([]);
    expect((await listPushLog({ db, scope, query: { ...range, subscriptionId: other.messages[0].subscriptionId! } })).rows).toEqual([]);
  });

  test("another enterprise sees nothing of it, by query or by id", async () => {
    const a = await enterpriseWithMessages();
    const b = await createEnterprise(db);
    const scopeB = { enterpriseId: b.enterprise.id };
    const page = await listPushLog({ db, scope: scopeB, query: queryOf(a.manual.emsNo) });
    expect(page.rows).toEqual([]);
    expect(page.failedCount).toBe(0);
    await expect(getPushMessageDetail({ db, scope: scopeB, messageId: a.messages[0].messageId })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  test("the detail lists every attempt and the indented XML", async () => {
    const { fixture, messages } = await enterpriseWithMessages();
    await db.deliveryAttempt.create({
      data: {
        pushMessageId: messages[0].id,
        importClientId: fixture.client.id,
        attemptNo: 1,
        startedAt: new Date(),
        durationMs: 12,
        httpStatus: 503,
        error: "HTTP 503",
        delivered: false,
      },
    });
    const detail = await getPushMessageDetail({ db, scope: { enterpriseId: fixture.enterprise.id }, messageId: messages[0].messageId });
    expect(detail.attempts).toMatchObject([{ attemptNo: 1, httpStatus: 503, error: "HTTP 503", delivered: false }]);
    expect(detail.xml).toContain(`\n    <MessageId>${messages[0].messageId}</MessageId>`);
  });
});

describe("resend (R17)", () => {
  test("the operator card may resend; rows show 已重发 with the time; audited with the signature", async () => {
    const { fixture, messages } = await enterpriseWithMessages();
    const result = await resend(fixture, { messageIds: [messages[0].messageId] });
    expect(result).toMatchObject({ ok: true, resent: 1 });
    const row = await db.pushMessage.findUniqueOrThrow({ where: { id: messages[0].id } });
    expect(row.resent).toBe(true);
    expect(row.resentAt).toBeInstanceOf(Date);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "RESEND", enterpriseId: fixture.enterprise.id } });
    expect(audit.cardNo).toBe(fixture.operatorCard.cardNo);
  });

  test("another enterprise's message id is refused, whatever the browser sends, and nothing changes", async () => {
    const a = await enterpriseWithMessages();
    const b = await enterpriseWithMessages();
    const result = await resend(b.fixture, { messageIds: [b.messages[0].messageId, a.messages[0].messageId] });
    expect(result).toMatchObject({ ok: false, code: "NOT_FOUND" });
    for (const m of [a.messages[0], b.messages[0]]) expect((await db.pushMessage.findUniqueOrThrow({ where: { id: m.id } })).resent).toBe(false);
    // The query form names A's manual: B's own failed messages of it are none.
    expect(await resend(b.fixture, { failedOf: queryOf(a.manual.emsNo) })).toMatchObject({ ok: false, error: "本次查询中没有下发失败的报文" });
  });

  test("a card of another enterprise cannot sign a resend", async () => {
    const a = await enterpriseWithMessages();
    const b = await createEnterprise(db);
    expect(await resend(a.fixture, { messageIds: [a.messages[0].messageId] }, b.operatorCard)).toMatchObject({
      ok: false,
      error: "非本企业卡，不能签名",
    });
  });

  test("resend of every failed message of the query: a failed message is delivered once the client is back; the same id arrives once", async () => {
    const harness = await startPushHarness();
    try {
      const { fixture, manual, messages } = await enterpriseWithMessages();
      await db.pushMessage.update({ where: { id: messages[0].id }, data: { dispatchStatus: "FAILED" } });
      await harness.routeTo(db, fixture.client.id);
      expect(await resend(fixture, { failedOf: queryOf(manual.emsNo) })).toMatchObject({ ok: true, resent: 1 });
      const delivered = await waitFor(
        () => db.pushMessage.findUniqueOrThrow({ where: { id: messages[0].id } }),
        (m) => m.dispatchStatus === "DELIVERED",
      );
      expect(delivered).toMatchObject({ dispatchStatus: "DELIVERED", resent: true, messageId: messages[0].messageId });
      expect(await resend(fixture, { messageIds: [messages[0].messageId] }, fixture.legalCard)).toMatchObject({ ok: true });
      await waitFor(
        () => db.deliveryAttempt.count({ where: { pushMessageId: messages[0].id, delivered: true } }),
        (n) => n === 2,
      );
      expect(harness.files(manual.emsNo)).toEqual([`${messages[0].messageId}.xml`]);
    } finally {
      await harness.stop();
    }
  });
});
