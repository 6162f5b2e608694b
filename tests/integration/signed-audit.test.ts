// Every signed action's audit entry keeps the exact bytes the card signed (lib/actions/run-signed.ts): for each
// action of the registry (lib/signing/registry.ts) an entry exists whose stored statement/2 bytes verify with the
// card's registered key and whose tampered copy does not, and the audit viewer re-verifies it. A new signed
// action without a case here fails the suite. What you see is what you sign: a statement or payload changed
// after the challenge is refused and changes nothing.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { runSignedAction } from "@/lib/actions/run-signed";
import { listAuditEntries } from "@/lib/audit/list-entries";
import { sm2Verify } from "@/lib/crypto/sm2";
import { db } from "@/lib/db/client";
import { stopSender } from "@/lib/jobs/send";
import { dispatchStockSubscription } from "@/lib/pushes/dispatch-stock";
import { signedStatementOf, verifySignedEntry } from "@/lib/review/verify-signed-entry";
import { sm2Sign } from "@/lib/crypto/sm2";
import { SIGNED_FORMAT, signingMessage } from "@/lib/signing/canonical";
import { prepareChallenge } from "@/lib/signing/prepare-challenge";
import { signedActionNames, signedActionRegistry, type SignedActionName } from "@/lib/signing/registry";
import { addDaysToDay, addYearsToDay, shanghaiDay } from "@/lib/time/shanghai";
import { createEnterprise, createManual, createStockSubscription } from "../support/factories";
import { dbFingerprint } from "../support/db-fingerprint";
import { subscribeForm } from "../support/subscribe-form";
import { actorFor, signRequest, type SignedResult } from "../support/signing";

type Fixture = Awaited<ReturnType<typeof createEnterprise>>;
let f: Fixture;
/** The message each action's card signed, by action. */
const signed = new Map<SignedActionName, string>();

async function run<N extends SignedActionName>(action: N, payload: unknown, card = f.legalCard): Promise<SignedResult<N>> {
  const request = await signRequest({ fixture: f, action, payload, card });
  const result = await runSignedAction({ actor: actorFor(f), definition: signedActionRegistry.get(action)!, request });
  expect(result, action).toMatchObject({ ok: true });
  signed.set(action, request.message);
  return result as unknown as SignedResult<N>;
}

/** A record with an ACTIVE incremental part of a fresh manual, for the tampering cases. */
let activeRecord: { subscriptionId: number };

const cardOf = (cardNo: string) =>
  db.card.findUniqueOrThrow({ where: { cardNo }, select: { cardNo: true, publicKey: true, status: true, kind: true, enterpriseId: true } });

beforeAll(async () => {
  f = await createEnterprise(db);
  const manual = await createManual(db, { processingUnitCode: f.enterprise.customsCode, materials: 2 });
  const day = shanghaiDay();
  const subscribed = await run("SUBSCRIBE", { ...incrementalForm(manual.emsNo), validUntil: addDaysToDay(day, 30) });
  await run("EXTEND", { subscriptionId: subscribed.subscriptionId, validUntil: addYearsToDay(day, 1) });
  await run("CANCEL", { subscriptionId: subscribed.subscriptionId });

  // Nothing listens on the discard port: should a worker pick the jobs up, they fail harmlessly.
  await db.importClient.update({ where: { id: f.client.id }, data: { endpointUrl: "http://127.0.0.1:9/push" } });
  const stock = await createStockSubscription(db, f, manual);
  await dispatchStockSubscription({ db, subscriptionId: stock.id });
  const message = await db.pushMessage.findFirstOrThrow({ where: { subscriptionId: stock.id } });
  await run("RESEND", { messageIds: [message.messageId] }, f.operatorCard);

  const { clientId } = await run("CLIENT_REGISTER", { name: "复验客户端", endpointUrl: "http://127.0.0.1:9/a" });
  await run("CLIENT_BIND", { clientId, cardNo: f.operatorCard.cardNo });
  await run("CLIENT_ENDPOINT", { clientId, endpointUrl: "http://127.0.0.1:9/b" });
  await run("CLIENT_UNBIND", { clientId });
  await db.importClient.update({ where: { clientId }, data: { status: "PAUSED", pausedAt: new Date() } });
  await run("CLIENT_RESUME", { clientId });
  await run("CLIENT_DELIVERY_MODE", { clientId, deliveryMode: "PULL" });

  const other = await createManual(db, { processingUnitCode: f.enterprise.customsCode, materials: 1 });
  activeRecord = await run("SUBSCRIBE", { ...incrementalForm(other.emsNo), validUntil: addDaysToDay(day, 30) });
});

const incrementalForm = (emsNo: string) => subscribeForm(f.client.clientId, { incrementalEnabled: true, incrementalEmsNo: emsNo });
afterAll(() => stopSender());

describe("signed audit entries", () => {
  test.each(signedActionNames)("%s: the stored bytes verify with the card's key, a tampered copy does not", async (action) => {
    const entry = await db.auditLog.findFirst({ where: { action, enterpriseId: f.enterprise.id, outcome: "OK" } });
    expect(entry, `no ${action} audit entry`).not.toBeNull();
    const { cardNo, signature, signedMessage, signedFormat } = entry!;
    expect(signedFormat).toBe(SIGNED_FORMAT);
    // Exactly the bytes the card signed, not a re-derivation.
    expect(Buffer.from(signedMessage!).toString("utf8")).toBe(signed.get(action));
    const card = await cardOf(cardNo!);
    expect(sm2Verify(card.publicKey, signedMessage!, signature!)).toBe(true);
    expect(verifySignedEntry({ ...entry!, cardNo: cardNo!, signature: signature! }, card)).toEqual({ valid: true, cardNo, problems: [] });

    const tampered = Uint8Array.from(signedMessage!);
    tampered[tampered.length - 3] ^= 0x01;
    expect(sm2Verify(card.publicKey, tampered, signature!)).toBe(false);
    expect(verifySignedEntry({ ...entry!, cardNo: cardNo!, signature: signature!, signedMessage: tampered }, card).problems).toContainEqual({
      reason: "SIGNATURE_MISMATCH",
    });
  });

  test("the audit viewer shows every signed entry of the enterprise as 签名有效 with its card, the others without a check", async () => {
    const page = await listAuditEntries({ db, filters: { customsCode: f.enterprise.customsCode } });
    const signedRows = page.rows.filter((row) => row.signature);
    expect(new Set(signedRows.map((row) => row.action))).toEqual(new Set(signedActionNames));
    for (const row of signedRows) expect(row.signatureCheck, row.action).toEqual({ valid: true, cardNo: row.cardNo, problems: [] });
    for (const row of page.rows.filter((r) => !r.signature)) expect(row.signatureCheck).toBeNull();
  });

  test("the subscription view lists the record's signed entries, each verified", async () => {
    const { targetId } = await db.auditLog.findFirstOrThrow({
      where: { action: "SUBSCRIBE", enterpriseId: f.enterprise.id },
      orderBy: { id: "asc" },
    });
    const page = await listAuditEntries({ db, filters: {}, signedTarget: { type: "Subscription", id: targetId! } });
    expect(page.rows.map((row) => row.action)).toEqual(["CANCEL", "EXTEND", "SUBSCRIBE"]);
    expect(page.rows.every((row) => row.signatureCheck?.valid)).toBe(true);
  });

  test("a revoked card or an entry of another action's bytes shows 签名无效 with the reason", async () => {
    const entry = await db.auditLog.findFirstOrThrow({ where: { action: "CANCEL", enterpriseId: f.enterprise.id } });
    const card = await cardOf(entry.cardNo!);
    const base = { ...entry, cardNo: entry.cardNo!, signature: entry.signature! };
    expect(verifySignedEntry(base, { ...card, status: "REVOKED" })).toEqual({
      valid: false,
      cardNo: entry.cardNo,
      problems: [{ reason: "CARD_REVOKED" }],
    });
    expect(verifySignedEntry({ ...base, action: "EXTEND" }, card).problems).toEqual([{ reason: "ACTION_MISMATCH" }]);
    expect(verifySignedEntry(base, null).problems).toEqual([{ reason: "CARD_UNKNOWN" }]);
  });
});

describe("what you see is what you sign (statement/2)", () => {
  test("each entry keeps the statement its signer was shown, bound to the enterprise and the card", async () => {
    const cancel = await db.auditLog.findFirstOrThrow({ where: { action: "CANCEL", enterpriseId: f.enterprise.id, outcome: "OK" } });
    const statement = signedStatementOf(cancel.signedMessage, cancel.signedFormat);
    expect(statement).toMatch(new RegExp(`^取消 订阅记录 ${cancel.targetId}（账册号 E\\w{11}）的增量数据订阅$`));
    const document = JSON.parse(Buffer.from(cancel.signedMessage!).toString("utf8"));
    expect(document).toMatchObject({ format: SIGNED_FORMAT, enterprise: f.enterprise.customsCode, card: cancel.cardNo, statement });
    const subscribe = await db.auditLog.findFirstOrThrow({ where: { action: "SUBSCRIBE", enterpriseId: f.enterprise.id }, orderBy: { id: "asc" } });
    const signedText = Buffer.from(subscribe.signedMessage!).toString("utf8");
    expect(signedText).toMatch(/"statement":"订阅 账册号 E\w{11} 增量至 \d{4}-\d{2}-\d{2} 23:59:59，推送至导入客户端 \w{10}"/);
    expect(signedText, "the payload is normalised").not.toContain('"materialFrom":""');
  });

  test("a payload changed after the challenge is refused and changes nothing", async () => {
    const day = shanghaiDay();
    const request = await signRequest({ fixture: f, action: "EXTEND", payload: { ...activeRecord, validUntil: addDaysToDay(day, 60) } });
    const before = await dbFingerprint(db, { except: ["AuditLog"] });
    const tampered = { ...request, payload: { ...activeRecord, validUntil: addDaysToDay(day, 300) } };
    const result = await runSignedAction({ actor: actorFor(f), definition: signedActionRegistry.get("EXTEND")!, request: tampered });
    expect(result).toMatchObject({ ok: false, code: "SIGNATURE_INVALID", reason: "signing.payloadChanged" });
    expect(await dbFingerprint(db, { except: ["AuditLog"] })).toEqual(before);
  });

  test("a statement changed in the browser does not verify and changes nothing", async () => {
    const payload = { ...activeRecord, validUntil: addDaysToDay(shanghaiDay(), 90) };
    const challenge = await prepareChallenge({ db, actor: actorFor(f), action: "EXTEND", payload });
    // The card signed a statement other than the server's (e.g. a page showing a later date than requested).
    const shown = { ...challenge.content, statement: challenge.content.statement.replace(/延至 \S+/, "延至 2099-12-31") };
    const message = signingMessage(shown, challenge.challengeId, f.legalCard.cardNo);
    const proof = {
      challengeId: challenge.challengeId,
      cardNo: f.legalCard.cardNo,
      signature: sm2Sign(f.legalCard.privateKey, f.legalCard.publicKey, message),
    };
    const before = await dbFingerprint(db, { except: ["AuditLog"] });
    const result = await runSignedAction({ actor: actorFor(f), definition: signedActionRegistry.get("EXTEND")!, request: { payload, proof } });
    expect(result).toMatchObject({ ok: false, code: "SIGNATURE_INVALID", reason: "signing.verifyFailed" });
    expect(await dbFingerprint(db, { except: ["AuditLog"] })).toEqual(before);
  });

  test("facts that changed between the challenge and the signature (another extension) are refused", async () => {
    const day = shanghaiDay();
    const late = await signRequest({ fixture: f, action: "EXTEND", payload: { ...activeRecord, validUntil: addDaysToDay(day, 200) } });
    await run("EXTEND", { ...activeRecord, validUntil: addDaysToDay(day, 100) });
    const result = await runSignedAction({ actor: actorFor(f), definition: signedActionRegistry.get("EXTEND")!, request: late });
    expect(result).toMatchObject({ ok: false, code: "SIGNATURE_INVALID", reason: "signing.payloadChanged" });
  });
});
