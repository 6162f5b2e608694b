// Issue 18: a subscription's whole life on one page — subscribe, extend, each resend of its messages (one act per
// signature), cancel, expiry — oldest first, each with who, the card by its kind, the signed statement and
// 签名复验 today; a card revoked after it signed shows the signature valid with the revocation.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { db } from "@/lib/db/client";
import { stopSender } from "@/lib/jobs/send";
import { dispatchStockSubscription } from "@/lib/pushes/dispatch-stock";
import { loadSubscriptionRecord } from "@/lib/review/subscription-record";
import { loadSubscriptionTimeline, type TimelineAct } from "@/lib/review/subscription-timeline";
import { SIGNED_FORMAT } from "@/lib/signing/canonical";
import { expireSubscriptions } from "@/lib/subscriptions/expire";
import { addDaysToDay, addYearsToDay, shanghaiDay } from "@/lib/time/shanghai";
import { createEnterprise, createManual, createSubscription } from "../support/factories";
import { runSigned } from "../support/signing";
import { subscribeForm } from "../support/subscribe-form";

type Fixture = Awaited<ReturnType<typeof createEnterprise>>;
let f: Fixture;
let acts: TimelineAct[];
let subscriptionId: number;

beforeAll(async () => {
  f = await createEnterprise(db);
  // Nothing listens on the discard port: should a worker pick the deliveries up, they fail harmlessly.
  await db.importClient.update({ where: { id: f.client.id }, data: { endpointUrl: "http://127.0.0.1:9/push" } });
  const manual = await createManual(db, { processingUnitCode: f.enterprise.customsCode, materials: 3 });
  const day = shanghaiDay();
  const form = subscribeForm(f.client.clientId, {
    stockEnabled: true,
    stockEmsNo: manual.emsNo,
    pushMaterials: true,
    incrementalEnabled: true,
    incrementalEmsNo: manual.emsNo,
    validUntil: addDaysToDay(day, 30),
  });
  const subscribed = await runSigned({ fixture: f, action: "SUBSCRIBE", payload: form });
  if (!subscribed.ok) throw new Error(subscribed.error);
  subscriptionId = subscribed.subscriptionId;
  await dispatchStockSubscription({ db, subscriptionId });
  const messageIds = (await db.pushMessage.findMany({ where: { subscriptionId }, select: { messageId: true } })).map((m) => m.messageId);
  expect(messageIds.length).toBeGreaterThan(0);
  for (const step of [
    () => runSigned({ fixture: f, action: "EXTEND", payload: { subscriptionId, validUntil: addYearsToDay(day, 1) } }),
    () => runSigned({ fixture: f, action: "RESEND", payload: { messageIds }, card: f.operatorCard }),
    () => runSigned({ fixture: f, action: "CANCEL", payload: { subscriptionId } }),
  ]) {
    expect(await step()).toMatchObject({ ok: true });
  }
  // Revoked after it signed the resend: that signature stays valid and says since when.
  await db.card.update({ where: { cardNo: f.operatorCard.cardNo }, data: { status: "REVOKED", revokedAt: new Date() } });
  acts = await loadSubscriptionTimeline({ db, subscriptionId });
});
afterAll(() => stopSender());

describe("a subscription's whole life", () => {
  test("every act, oldest first, by whom and with which card (labelled by the card's kind)", () => {
    expect(acts.map((act) => act.action)).toEqual(["SUBSCRIBE", "EXTEND", "RESEND", "CANCEL"]);
    expect(acts.every((act) => act.actorAccount === f.user.accountCode && act.actorName === f.user.name)).toBe(true);
    expect(acts.map((act) => act.card?.kind)).toEqual(["LEGAL_PERSON", "LEGAL_PERSON", "OPERATOR", "LEGAL_PERSON"]);
  });

  test("each signed act shows the statement its signer read and is valid today", () => {
    expect(acts[0].statement).toMatch(/^订阅 账册号 E\w{11} 存量 料件\[全部\]，增量至 \d{4}-\d{2}-\d{2} 23:59:59，推送至导入客户端 \w{10}$/);
    expect(acts[1].statement).toMatch(/^延期 订阅记录 \d+（账册号 E\w{11}）的增量数据订阅，有效期由 .+ 延至 .+$/);
    expect(acts[2].statement).toMatch(/^重发 \d+ 条报文：\d{20}/);
    expect(acts[3].statement).toMatch(/^取消 订阅记录 \d+/);
    for (const act of acts) expect(act.check, act.action).toMatchObject({ valid: true, problems: [] });
  });

  test("the record itself shows the subscribe statement as signed, 签名有效", async () => {
    const record = await loadSubscriptionRecord({ db, subscriptionId });
    expect(record).toMatchObject({ statement: acts[0].statement, signedFormat: SIGNED_FORMAT, signatureCheck: { valid: true, problems: [] } });
  });

  test("one resend of several messages is one act naming them; its card, revoked since, still shows a valid signature", async () => {
    const resend = acts[2];
    expect(resend.messageIds.sort()).toEqual(
      (await db.pushMessage.findMany({ where: { subscriptionId }, select: { messageId: true } })).map((m) => m.messageId).sort(),
    );
    expect(resend.check).toMatchObject({ valid: true, cardRevokedAt: expect.any(Date) });
  });

  test("an expiry is on the record as the system's act, unsigned", async () => {
    const manual = await createManual(db, { processingUnitCode: f.enterprise.customsCode, materials: 1 });
    // Expiring after the watermark the job last audited up to, so this run audits it.
    const expiring = await createSubscription(db, f, manual, { validUntil: new Date(Date.now() + 300) });
    await new Promise((resolve) => setTimeout(resolve, 400));
    await expireSubscriptions({ db });
    const timeline = await loadSubscriptionTimeline({ db, subscriptionId: expiring.id });
    expect(timeline.map((act) => [act.action, act.actorAccount, act.card, act.check])).toContainEqual(["EXPIRE", null, null, null]);
  });
});
