// Card registration by a customs admin (SPEC §5): the registered key is the one signatures are verified with.
import { describe, expect, test } from "vitest";
import { runAdminAction } from "@/lib/actions/run-admin";
import { runSignedAction } from "@/lib/actions/run-signed";
import { sm2PublicKeyToSpki, toPem } from "@/lib/card/certificate";
import { registerCard } from "@/lib/cards/register-card";
import { sm2KeyPair } from "@/lib/crypto/sm2";
import { db } from "@/lib/db/client";
import { cancelHandler } from "@/lib/subscriptions/signed-handlers";
import { ZRegisterCard, type TRegisterCard } from "@/lib/validations/card-registration";
import { ZCancelRequest } from "@/lib/validations/subscription";
import { createCustomsAdmin, createEnterprise, createManual, createSubscription } from "../support/factories";
import { adminSession } from "../support/sessions";
import { actorFor, signRequest } from "../support/signing";

let serial = 0;
const newCardNo = () => `87${String(process.pid % 100_000).padStart(5, "0")}${String(Date.now() % 10_000).padStart(4, "0")}${++serial % 100}`.slice(0, 13).padEnd(13, "0");

async function register(input: TRegisterCard) {
  const admin = await createCustomsAdmin(db);
  return runAdminAction({
    name: "REGISTER_CARD", loadUser: async () => adminSession(admin), ip: "127.0.0.1", schema: ZRegisterCard, input,
    handler: (parsed, actor) => registerCard({ db, admin: { userId: actor.user.id, accountCode: actor.user.accountCode }, input: parsed }).then((card) => ({ cardNo: card.cardNo })),
  });
}

describe("card registration", () => {
  test("a card registered with its PEM public key signs for its enterprise; audited", async () => {
    const fixture = await createEnterprise(db);
    const keys = sm2KeyPair();
    const cardNo = newCardNo();
    const result = await register({
      customsCode: fixture.enterprise.customsCode, cardNo, kind: "LEGAL_PERSON", holder: "新法人",
      publicKey: toPem("PUBLIC KEY", sm2PublicKeyToSpki(keys.publicKey)),
    });
    expect(result).toMatchObject({ ok: true, cardNo });
    const card = await db.card.findUniqueOrThrow({ where: { cardNo } });
    expect(card).toMatchObject({ publicKey: keys.publicKey, enterpriseId: fixture.enterprise.id, kind: "LEGAL_PERSON", status: "ACTIVE" });
    expect(await db.auditLog.count({ where: { action: "CARD_REGISTERED", targetId: cardNo } })).toBe(1);

    const manual = await createManual(db, { processingUnitCode: fixture.enterprise.customsCode });
    const subscription = await createSubscription(db, fixture, manual);
    const newCard = { cardNo, publicKey: keys.publicKey, privateKey: keys.privateKey };
    const request = await signRequest({ fixture, action: "CANCEL", schema: ZCancelRequest, payload: { subscriptionId: subscription.id }, card: newCard });
    const cancelled = await runSignedAction({ actor: actorFor(fixture), action: "CANCEL", schema: ZCancelRequest, request, handler: cancelHandler });
    expect(cancelled.ok).toBe(true);
  });

  test("bad key, taken card number and unknown enterprise are refused and nothing is written", async () => {
    const fixture = await createEnterprise(db);
    const base = { customsCode: fixture.enterprise.customsCode, cardNo: newCardNo(), kind: "OPERATOR" as const, holder: "操作员", publicKey: sm2KeyPair().publicKey };
    const before = await db.card.count();
    expect(await register({ ...base, publicKey: "04abc" })).toMatchObject({ ok: false, fieldErrors: { publicKey: expect.any(String) } });
    expect(await register({ ...base, publicKey: "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----" })).toMatchObject({ ok: false, fieldErrors: { publicKey: expect.stringContaining("SM2") } });
    expect(await register({ ...base, cardNo: fixture.legalCard.cardNo })).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await register({ ...base, customsCode: "9999999999" })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await register({ ...base, cardNo: "12" })).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect(await db.card.count()).toBe(before);
  });
});
