// Every signed action's audit entry keeps the exact bytes the card signed (lib/actions/run-signed.ts): for each
// kind of lib/signing/actions.ts an entry exists whose stored bytes verify with the card's registered key and
// whose tampered copy does not, and the audit viewer re-verifies it. A new signed action without a case here
// fails the suite.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { z } from "zod";
import { runSignedAction, type EnterpriseActor, type SignedContext } from "@/lib/actions/run-signed";
import { listAuditEntries } from "@/lib/audit/list-entries";
import { sm2Verify } from "@/lib/crypto/sm2";
import { db } from "@/lib/db/client";
import {
  bindCardHandler,
  changeEndpointHandler,
  registerClientHandler,
  resumeClientHandler,
  unbindCardHandler,
} from "@/lib/import-clients/signed-handlers";
import { stopSender } from "@/lib/jobs/send";
import { dispatchStockSubscription } from "@/lib/pushes/dispatch-stock";
import { resendHandler } from "@/lib/pushes/signed-handlers";
import { verifySignedEntry } from "@/lib/review/verify-signed-entry";
import { signedActions, type SignedAction } from "@/lib/signing/actions";
import { SIGNED_FORMAT } from "@/lib/signing/canonical";
import { cancelHandler, extendHandler, subscribeHandler } from "@/lib/subscriptions/signed-handlers";
import { addDaysToDay, addYearsToDay, shanghaiDay } from "@/lib/time/shanghai";
import { ZBindCardRequest, ZClientRequest, ZEndpointRequest, ZRegisterClientRequest } from "@/lib/validations/import-client";
import { ZResendRequest } from "@/lib/validations/push-log";
import { ZCancelRequest, ZExtendRequest, ZSubscribeForm } from "@/lib/validations/subscription";
import { createEnterprise, createManual, createStockSubscription } from "../support/factories";
import { actorFor, signRequest } from "../support/signing";

type Fixture = Awaited<ReturnType<typeof createEnterprise>>;
let f: Fixture;
/** The message each action's card signed, by action. */
const signed = new Map<SignedAction, string>();

async function run<T extends z.ZodType, R extends object>(
  action: SignedAction,
  schema: T,
  payload: z.input<T>,
  handler: (input: z.infer<T>, actor: EnterpriseActor, signed: SignedContext) => Promise<R>,
  card = f.legalCard,
) {
  const request = await signRequest({ fixture: f, action, schema, payload, card });
  const result = await runSignedAction({ actor: actorFor(f), action, schema, request, handler });
  expect(result, action).toMatchObject({ ok: true });
  signed.set(action, request.message);
  return result as Extract<typeof result, { ok: true }>;
}

const cardOf = (cardNo: string) =>
  db.card.findUniqueOrThrow({ where: { cardNo }, select: { cardNo: true, publicKey: true, status: true, kind: true, enterpriseId: true } });

beforeAll(async () => {
  f = await createEnterprise(db);
  const manual = await createManual(db, { processingUnitCode: f.enterprise.customsCode, materials: 2 });
  const day = shanghaiDay();
  const subscribed = await run(
    "SUBSCRIBE",
    ZSubscribeForm,
    {
      clientId: f.client.clientId,
      stockEnabled: false,
      incrementalEnabled: true,
      stockEmsNo: "",
      pushMaterials: false,
      pushProducts: false,
      materialFrom: "",
      materialTo: "",
      productFrom: "",
      productTo: "",
      incrementalEmsNo: manual.emsNo,
      validUntil: addDaysToDay(day, 30),
    },
    subscribeHandler,
  );
  await run("EXTEND", ZExtendRequest, { subscriptionId: subscribed.subscriptionId, validUntil: addYearsToDay(day, 1) }, extendHandler);
  await run("CANCEL", ZCancelRequest, { subscriptionId: subscribed.subscriptionId }, cancelHandler);

  // Nothing listens on the discard port: should a worker pick the jobs up, they fail harmlessly.
  await db.importClient.update({ where: { id: f.client.id }, data: { endpointUrl: "http://127.0.0.1:9/push" } });
  const stock = await createStockSubscription(db, f, manual);
  await dispatchStockSubscription({ db, subscriptionId: stock.id });
  const message = await db.pushMessage.findFirstOrThrow({ where: { subscriptionId: stock.id } });
  await run("RESEND", ZResendRequest, { messageIds: [message.messageId] }, resendHandler, f.operatorCard);

  const { clientId } = await run(
    "CLIENT_REGISTER",
    ZRegisterClientRequest,
    { name: "复验客户端", endpointUrl: "http://127.0.0.1:9/a" },
    registerClientHandler,
  );
  await run("CLIENT_BIND", ZBindCardRequest, { clientId, cardNo: f.operatorCard.cardNo }, bindCardHandler);
  await run("CLIENT_ENDPOINT", ZEndpointRequest, { clientId, endpointUrl: "http://127.0.0.1:9/b" }, changeEndpointHandler);
  await run("CLIENT_UNBIND", ZClientRequest, { clientId }, unbindCardHandler);
  await db.importClient.update({ where: { clientId }, data: { status: "PAUSED", pausedAt: new Date() } });
  await run("CLIENT_RESUME", ZClientRequest, { clientId }, resumeClientHandler);
});
afterAll(() => stopSender());

describe("signed audit entries", () => {
  test.each(Object.keys(signedActions) as SignedAction[])(
    "%s: the stored bytes verify with the card's key, a tampered copy does not",
    async (action) => {
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
    },
  );

  test("the audit viewer shows every signed entry of the enterprise as 签名有效 with its card, the others without a check", async () => {
    const page = await listAuditEntries({ db, filters: { customsCode: f.enterprise.customsCode } });
    const signedRows = page.rows.filter((row) => row.signature);
    expect(new Set(signedRows.map((row) => row.action))).toEqual(new Set(Object.keys(signedActions)));
    for (const row of signedRows) expect(row.signatureCheck, row.action).toEqual({ valid: true, cardNo: row.cardNo, problems: [] });
    for (const row of page.rows.filter((r) => !r.signature)) expect(row.signatureCheck).toBeNull();
  });

  test("the subscription view lists the record's signed entries, each verified", async () => {
    const { targetId } = await db.auditLog.findFirstOrThrow({ where: { action: "SUBSCRIBE", enterpriseId: f.enterprise.id } });
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
