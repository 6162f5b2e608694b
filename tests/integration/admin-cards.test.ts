// Card registration by a customs admin (docs/rules.md §5): the registered key is the one signatures are verified with.
import { describe, expect, test } from "vitest";
import type { z } from "zod";
import { runAdminAction } from "@/lib/actions/run-admin";
import { sm2PublicKeyToSpki, toPem } from "@/lib/card/certificate";
import { listAuditEntries } from "@/lib/audit/list-entries";
import { registerCard } from "@/lib/cards/register-card";
import { revokeCard } from "@/lib/cards/revoke-card";
import { sm2KeyPair } from "@/lib/crypto/sm2";
import { db } from "@/lib/db/client";
import { addDaysToDay, shanghaiDay } from "@/lib/time/shanghai";
import { assertBindableCard } from "@/lib/import-clients/bind-card";
import { listBindableCards } from "@/lib/import-clients/list";
import { ZRegisterCard, type TRegisterCard } from "@/lib/validations/card-registration";
import { ZRevokeCard, type TRevokeCard } from "@/lib/validations/card-revocation";
import { createCustomsAdmin, createEnterprise, createManual, createSubscription } from "../support/factories";
import {
  DATED_SM2_CERTIFICATES_KEY,
  EXPIRED_SM2_CERTIFICATE,
  FUTURE_SM2_CERTIFICATE,
  P256_CERTIFICATE,
  SM2_CERTIFICATE,
  SM2_CERTIFICATE_KEY,
} from "../support/certificates";
import { adminSession } from "../support/sessions";
import { runSigned } from "../support/signing";

let serial = 0;
const newCardNo = () =>
  `87${String(process.pid % 100_000).padStart(5, "0")}${String(Date.now() % 10_000).padStart(4, "0")}${++serial % 100}`.slice(0, 13).padEnd(13, "0");

/** An admin action as its server action runs it (session, role, zod, audited refusals), by a new admin from 127.0.0.1. */
async function asAdmin<T extends z.ZodType, R extends object>(
  name: string,
  schema: T,
  input: z.input<T>,
  handler: (input: z.infer<T>, admin: CardAdmin) => Promise<R>,
) {
  const admin = await createCustomsAdmin(db);
  return runAdminAction({
    name,
    loadUser: async () => adminSession(admin),
    ip: "127.0.0.1",
    schema,
    input,
    handler: (parsed, actor) => handler(parsed, { userId: actor.user.id, accountCode: actor.user.accountCode, ip: actor.ip }),
  });
}
type CardAdmin = { userId: number; accountCode: string; ip: string | null };

const register = (input: TRegisterCard, now?: Date) =>
  asAdmin("REGISTER_CARD", ZRegisterCard, input, (parsed, admin) =>
    registerCard({ db, admin, input: parsed, now }).then((card) => ({ cardNo: card.cardNo })),
  );

const revoke = (input: TRevokeCard, now?: Date) =>
  asAdmin("REVOKE_CARD", ZRevokeCard, input, (parsed, admin) => revokeCard({ db, admin, input: parsed, now }).then((r) => ({ cardNo: r.cardNo })));

describe("card registration", () => {
  test("a card registered with its PEM public key signs for its enterprise; audited", async () => {
    const fixture = await createEnterprise(db);
    const keys = sm2KeyPair();
    const cardNo = newCardNo();
    const result = await register({
      customsCode: fixture.enterprise.customsCode,
      cardNo,
      kind: "LEGAL_PERSON",
      holder: "新法人",
      publicKey: toPem("PUBLIC KEY", sm2PublicKeyToSpki(keys.publicKey)),
    });
    expect(result).toMatchObject({ ok: true, cardNo });
    const card = await db.card.findUniqueOrThrow({ where: { cardNo } });
    expect(card).toMatchObject({ publicKey: keys.publicKey, enterpriseId: fixture.enterprise.id, kind: "LEGAL_PERSON", status: "ACTIVE" });
    expect(await db.auditLog.count({ where: { action: "CARD_REGISTERED", targetId: cardNo } })).toBe(1);

    const manual = await createManual(db, { processingUnitCode: fixture.enterprise.customsCode });
    const subscription = await createSubscription(db, fixture, manual);
    const newCard = { cardNo, publicKey: keys.publicKey, privateKey: keys.privateKey };
    const cancelled = await runSigned({ fixture, action: "CANCEL", payload: { subscriptionId: subscription.id }, card: newCard });
    expect(cancelled.ok).toBe(true);
  });

  test("bad key, taken card number and unknown enterprise are refused and nothing is written", async () => {
    const fixture = await createEnterprise(db);
    const base = {
      customsCode: fixture.enterprise.customsCode,
      cardNo: newCardNo(),
      kind: "OPERATOR" as const,
      holder: "操作员",
      publicKey: sm2KeyPair().publicKey,
    };
    const before = await db.card.count();
    expect(await register({ ...base, publicKey: "04abc" })).toMatchObject({ ok: false, fieldErrors: { publicKey: expect.any(String) } });
    expect(await register({ ...base, publicKey: "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----" })).toMatchObject({
      ok: false,
      fieldErrors: { publicKey: expect.stringContaining("SM2") },
    });
    expect(await register({ ...base, cardNo: fixture.legalCard.cardNo })).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await register({ ...base, customsCode: "9999999999" })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await register({ ...base, cardNo: "12" })).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect(await db.card.count()).toBe(before);
  });

  test("a key off the SM2 curve, the identity, a wrong length, a non-SM2, expired or not yet valid certificate are refused, writing nothing", async () => {
    const fixture = await createEnterprise(db);
    const base = { customsCode: fixture.enterprise.customsCode, cardNo: newCardNo(), kind: "OPERATOR" as const, holder: "操作员" };
    const badKey = "不是有效的 SM2 公钥：应为 04 开头的 130 位十六进制，且是 SM2 曲线上的点";
    for (const publicKey of [`04${"11".repeat(64)}`, `04${"00".repeat(64)}`, sm2KeyPair().publicKey.slice(0, 128), `${sm2KeyPair().publicKey}00`]) {
      expect(await register({ ...base, publicKey })).toMatchObject({ ok: false, code: "INVALID_INPUT", fieldErrors: { publicKey: badKey } });
    }
    const offCurveSpki = toPem("PUBLIC KEY", Buffer.from(`3059301306072a8648ce3d020106082a811ccf5501822d034200${"04" + "11".repeat(64)}`, "hex"));
    const refusals: [string, string][] = [
      [offCurveSpki, "证书中的公钥不在 SM2 曲线上，请核对证书"],
      [P256_CERTIFICATE, "证书不是 SM2 证书，请核对证书"],
      [EXPIRED_SM2_CERTIFICATE, "证书已于 2021-01-01 08:00:00 过期，请核对证书"],
      [FUTURE_SM2_CERTIFICATE, "证书尚未生效，生效时间 2090-01-01 08:00:00，请核对证书"],
    ];
    for (const [publicKey, message] of refusals) {
      expect(await register({ ...base, publicKey })).toMatchObject({ ok: false, code: "INVALID_INPUT", fieldErrors: { publicKey: message } });
    }
    expect(await db.card.count({ where: { cardNo: base.cardNo } })).toBe(0);
    expect(await db.auditLog.count({ where: { action: "CARD_REGISTERED", targetId: base.cardNo } })).toBe(0);
  });

  test("a current SM2 certificate is registered with its validity dates; a bare key has none", async () => {
    const fixture = await createEnterprise(db);
    const base = { customsCode: fixture.enterprise.customsCode, kind: "OPERATOR" as const, holder: "操作员" };
    const withCertificate = newCardNo();
    expect(await register({ ...base, cardNo: withCertificate, publicKey: SM2_CERTIFICATE })).toMatchObject({ ok: true });
    expect(await db.card.findUniqueOrThrow({ where: { cardNo: withCertificate } })).toMatchObject({
      publicKey: SM2_CERTIFICATE_KEY,
      certificatePem: SM2_CERTIFICATE,
      certificateNotBefore: new Date("2026-11-27T22:28:07Z"),
      certificateNotAfter: new Date("2036-11-24T22:28:07Z"),
    });
    // The certificate that is refused today is accepted while it was valid: the dates decide, nothing else.
    const inItsYear = newCardNo();
    expect(await register({ ...base, cardNo: inItsYear, publicKey: EXPIRED_SM2_CERTIFICATE }, new Date("2020-06-01T00:00:00Z"))).toMatchObject({
      ok: true,
    });
    expect(await db.card.findUniqueOrThrow({ where: { cardNo: inItsYear } })).toMatchObject({
      publicKey: DATED_SM2_CERTIFICATES_KEY,
      certificateNotAfter: new Date("2021-01-01T00:00:00Z"),
    });
    const bare = newCardNo();
    const keys = sm2KeyPair();
    expect(await register({ ...base, cardNo: bare, publicKey: keys.publicKey.toUpperCase() })).toMatchObject({ ok: true });
    expect(await db.card.findUniqueOrThrow({ where: { cardNo: bare } })).toMatchObject({
      publicKey: keys.publicKey,
      certificatePem: null,
      certificateNotBefore: null,
      certificateNotAfter: null,
    });
  });
});

describe("card revocation (注销)", () => {
  test("records when and why, audited with the clients still bound; a second revocation, an unknown card and no reason are refused", async () => {
    const fixture = await createEnterprise(db);
    const cardNo = fixture.legalCard.cardNo;
    const at = new Date("2026-12-02T03:00:00Z");
    expect(await revoke({ cardNo, reason: "  " })).toMatchObject({ ok: false, code: "INVALID_INPUT", fieldErrors: { reason: "请填写注销原因" } });
    expect(await revoke({ cardNo: "8699999999999", reason: "挂失" })).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
      error: "卡号 8699999999999 未登记",
    });
    expect(await db.card.findUniqueOrThrow({ where: { cardNo } })).toMatchObject({ status: "ACTIVE", revokedAt: null });

    expect(await revoke({ cardNo, reason: "法人变更，旧卡挂失" }, at)).toMatchObject({ ok: true, cardNo });
    expect(await db.card.findUniqueOrThrow({ where: { cardNo } })).toMatchObject({ status: "REVOKED", revokedAt: at });
    const entry = await db.auditLog.findFirstOrThrow({ where: { action: "CARD_REVOKED", targetId: cardNo } });
    expect(entry).toMatchObject({
      targetType: "Card",
      enterpriseId: fixture.enterprise.id,
      ip: "127.0.0.1",
      detail: { kind: "LEGAL_PERSON", holder: "法人", reason: "法人变更，旧卡挂失", boundClientIds: [fixture.client.clientId] },
    });

    expect(await revoke({ cardNo, reason: "再次" })).toMatchObject({ ok: false, code: "CONFLICT", error: `卡 ${cardNo} 已注销` });
    expect(await db.card.findUniqueOrThrow({ where: { cardNo } })).toMatchObject({ revokedAt: at });
    expect(await db.auditLog.count({ where: { action: "CARD_REVOKED", targetId: cardNo } })).toBe(1);
  });

  test("a revoked card signs nothing and binds to no client; what it signed before stays valid and says since when it is revoked", async () => {
    const fixture = await createEnterprise(db);
    // Two manuals: one ACTIVE incremental subscription per manual.
    const manuals = [
      await createManual(db, { processingUnitCode: fixture.enterprise.customsCode }),
      await createManual(db, { processingUnitCode: fixture.enterprise.customsCode }),
    ];
    const [cancelled, kept] = [await createSubscription(db, fixture, manuals[0]), await createSubscription(db, fixture, manuals[1])];
    expect(await runSigned({ fixture, action: "CANCEL", payload: { subscriptionId: cancelled.id } })).toMatchObject({ ok: true });

    expect(await revoke({ cardNo: fixture.legalCard.cardNo, reason: "挂失" })).toMatchObject({ ok: true });
    const { revokedAt } = await db.card.findUniqueOrThrow({ where: { cardNo: fixture.legalCard.cardNo } });

    const [signedBefore] = (await listAuditEntries({ db, filters: { targetType: "Subscription", targetId: String(cancelled.id) } })).rows;
    expect(signedBefore.signatureCheck).toEqual({ valid: true, cardNo: fixture.legalCard.cardNo, problems: [], cardRevokedAt: revokedAt });

    const extend = { subscriptionId: kept.id, validUntil: addDaysToDay(shanghaiDay(), 60) };
    expect(await runSigned({ fixture, action: "EXTEND", payload: extend })).toMatchObject({ ok: false, code: "SIGNATURE_INVALID" });
    expect(await db.subscription.findUniqueOrThrow({ where: { id: kept.id } })).toMatchObject({ validUntil: kept.validUntil, status: "ACTIVE" });

    const scope = { enterpriseId: fixture.enterprise.id };
    await expect(assertBindableCard({ db, scope, cardNo: fixture.legalCard.cardNo })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    expect((await listBindableCards({ db, scope })).map((c) => c.cardNo)).toEqual([fixture.operatorCard.cardNo]);
  });

  test("a card whose certificate has expired, or is not valid yet, signs nothing", async () => {
    const fixture = await createEnterprise(db);
    const manual = await createManual(db, { processingUnitCode: fixture.enterprise.customsCode });
    const subscription = await createSubscription(db, fixture, manual);
    const day = 86_400_000;
    for (const [validity, reason] of [
      [{ certificateNotBefore: new Date(Date.now() - 400 * day), certificateNotAfter: new Date(Date.now() - day) }, "signing.certificateExpired"],
      [{ certificateNotBefore: new Date(Date.now() + day), certificateNotAfter: new Date(Date.now() + 400 * day) }, "signing.certificateNotYetValid"],
    ] as const) {
      await db.card.update({ where: { cardNo: fixture.legalCard.cardNo }, data: validity });
      expect(await runSigned({ fixture, action: "CANCEL", payload: { subscriptionId: subscription.id } })).toMatchObject({
        ok: false,
        code: "SIGNATURE_INVALID",
        reason,
      });
      expect(await db.subscription.findUniqueOrThrow({ where: { id: subscription.id } })).toMatchObject({ status: "ACTIVE" });
    }
  });
});
