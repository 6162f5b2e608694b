import { describe, expect, test } from "vitest";
import { sm2KeyPair, sm2Sign } from "@/lib/crypto/sm2";
import { canonicalJson, LEGACY_SIGNED_FORMAT, SIGNED_FORMAT, signingMessage } from "@/lib/signing/canonical";
import { verifySignedEntry, type RegisteredCard, type SignedEntry } from "./verify-signed-entry";

const keys = sm2KeyPair();
const CHALLENGE = "b3f1c1de-8e0a-4a51-a3b2-6a1f7f1b2c3d";
const statementBytes = (action: string, statement: string, payload: object, cardNo = "8600000000012") =>
  new TextEncoder().encode(signingMessage({ action, enterprise: "3201931234", statement, payload }, CHALLENGE, cardNo));
const bytes = statementBytes("RESEND", "重发 1 条报文：20260000000000000001", { messageIds: ["20260000000000000001"] });
const card: RegisteredCard = { cardNo: "8600000000012", publicKey: keys.publicKey, status: "ACTIVE", kind: "OPERATOR", enterpriseId: 7 };
const entry = (overrides: Partial<SignedEntry> = {}): SignedEntry => ({
  action: "RESEND",
  enterpriseId: 7,
  cardNo: card.cardNo,
  signature: sm2Sign(keys.privateKey, keys.publicKey, bytes),
  signedMessage: bytes,
  signedFormat: SIGNED_FORMAT,
  ...overrides,
});

describe("签名复验 of a signed audit entry", () => {
  test("the stored bytes signed by a card allowed for the action verify, naming the card", () => {
    expect(verifySignedEntry(entry(), card)).toEqual({ valid: true, cardNo: card.cardNo, problems: [] });
  });

  test("a changed byte, another key or a garbled signature fail SM2 verification", () => {
    const tampered = Uint8Array.from(bytes);
    tampered[10] ^= 0x20;
    expect(verifySignedEntry(entry({ signedMessage: tampered }), card).problems).toContainEqual({ reason: "SIGNATURE_MISMATCH" });
    expect(verifySignedEntry(entry(), { ...card, publicKey: sm2KeyPair().publicKey }).problems).toEqual([{ reason: "SIGNATURE_MISMATCH" }]);
    expect(verifySignedEntry(entry({ signature: "3045" }), card).problems).toEqual([{ reason: "SIGNATURE_MISMATCH" }]);
  });

  test("a valid signature over another action's request is not this entry's", () => {
    expect(verifySignedEntry(entry({ action: "CANCEL" }), { ...card, kind: "LEGAL_PERSON" }).problems).toEqual([{ reason: "ACTION_MISMATCH" }]);
  });

  test("bytes of an unknown format verify mathematically but are not accepted as this action's", () => {
    expect(verifySignedEntry(entry({ signedFormat: "statement/9" }), card).problems).toEqual([{ reason: "FORMAT_UNKNOWN" }]);
  });

  test("bytes naming another card than the entry's are not its signature", () => {
    const other = statementBytes("RESEND", "重发 1 条报文：20260000000000000001", { messageIds: ["20260000000000000001"] }, "8600000000019");
    const signed = entry({ signedMessage: other, signature: sm2Sign(keys.privateKey, keys.publicKey, other) });
    expect(verifySignedEntry(signed, card).problems).toEqual([{ reason: "CARD_MISMATCH" }]);
  });

  test("an entry of the older canonical-json/1 format keeps verifying with its own format", () => {
    const old = new TextEncoder().encode(
      canonicalJson({ action: "RESEND", challenge: CHALLENGE, payload: { messageIds: ["20260000000000000001"] } }),
    );
    const signed = entry({ signedMessage: old, signature: sm2Sign(keys.privateKey, keys.publicKey, old), signedFormat: LEGACY_SIGNED_FORMAT });
    expect(verifySignedEntry(signed, card)).toEqual({ valid: true, cardNo: card.cardNo, problems: [] });
    expect(verifySignedEntry({ ...signed, signedFormat: SIGNED_FORMAT }, card).problems).toEqual([{ reason: "ACTION_MISMATCH" }]);
  });

  test("an entry without stored bytes or with an unregistered card cannot be verified", () => {
    expect(verifySignedEntry(entry({ signedMessage: null }), card)).toEqual({
      valid: false,
      cardNo: card.cardNo,
      problems: [{ reason: "MESSAGE_MISSING" }],
    });
    expect(verifySignedEntry(entry(), null).problems).toEqual([{ reason: "CARD_UNKNOWN" }]);
  });

  test("a revoked card, another enterprise's card or a kind the action does not allow make it invalid today", () => {
    const problems = verifySignedEntry(entry({ action: "RESEND", enterpriseId: 8 }), { ...card, status: "REVOKED" }).problems;
    expect(problems).toEqual([{ reason: "CARD_OF_OTHER_ENTERPRISE" }, { reason: "CARD_REVOKED" }]);
    const cancel = statementBytes("CANCEL", "取消 订阅记录 1（账册号 E32012500001）的增量数据订阅", { subscriptionId: 1 });
    const byOperator = entry({ action: "CANCEL", signedMessage: cancel, signature: sm2Sign(keys.privateKey, keys.publicKey, cancel) });
    expect(verifySignedEntry(byOperator, card).problems).toEqual([{ reason: "CARD_KIND_NOT_ALLOWED" }]);
  });

  test("a signature made before its card was revoked stays valid and names the revocation; one made after, or undated, does not", () => {
    const revokedAt = new Date("2026-12-01T04:00:00Z");
    const revoked = { ...card, status: "REVOKED" as const, revokedAt };
    expect(verifySignedEntry(entry({ at: new Date("2026-12-01T03:59:59Z") }), revoked)).toEqual({
      valid: true,
      cardNo: card.cardNo,
      problems: [],
      cardRevokedAt: revokedAt,
    });
    expect(verifySignedEntry(entry({ at: revokedAt }), revoked)).toEqual({
      valid: false,
      cardNo: card.cardNo,
      problems: [{ reason: "CARD_REVOKED" }],
      cardRevokedAt: revokedAt,
    });
    expect(verifySignedEntry(entry(), revoked).problems).toEqual([{ reason: "CARD_REVOKED" }]);
    // Revoked before revocations were dated: nothing shows the signature came first.
    expect(verifySignedEntry(entry({ at: new Date("2020-01-01T00:00:00Z") }), { ...revoked, revokedAt: null })).toEqual({
      valid: false,
      cardNo: card.cardNo,
      problems: [{ reason: "CARD_REVOKED" }],
    });
  });
});
