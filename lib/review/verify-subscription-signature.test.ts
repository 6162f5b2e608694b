import { describe, expect, test } from "vitest";
import { sm2KeyPair, sm2Sign } from "@/lib/crypto/sm2";
import { canonicalJson, signingMessage } from "@/lib/signing/canonical";
import { verifySubscriptionSignature, type SignatureCheckInput } from "./verify-subscription-signature";

const keys = sm2KeyPair();
const payload = {
  clientId: "3201000001",
  stockEnabled: true,
  incrementalEnabled: true,
  stockEmsNo: "E32012500001",
  pushMaterials: true,
  pushProducts: false,
  materialFrom: "1",
  materialTo: "100",
  productFrom: "",
  productTo: "",
  incrementalEmsNo: "E32012500001",
  validUntil: "2027-01-31",
};
/** A record signed before statement/2 (canonical-json/1): the raw form. */
const legacy = (action: string, body: object) => canonicalJson({ action, challenge: "b3f1c1de-8e0a-4a51-a3b2-6a1f7f1b2c3d", payload: body });
const signedPayload = legacy("SUBSCRIBE", payload);

const input = (overrides: Partial<SignatureCheckInput> = {}): SignatureCheckInput => ({
  signedPayload,
  signature: sm2Sign(keys.privateKey, keys.publicKey, signedPayload),
  enterpriseId: 7,
  card: { cardNo: "8600000000011", publicKey: keys.publicKey, status: "ACTIVE", kind: "LEGAL_PERSON", enterpriseId: 7 },
  record: { clientId: "3201000001", stockEmsNo: "E32012500001", pushMaterials: true, pushProducts: false, incrementalEmsNo: "E32012500001" },
  ...overrides,
});

describe("签名验证 of a subscription record", () => {
  test("a record signed by its enterprise's legal-person card verifies", () => {
    expect(verifySubscriptionSignature(input())).toEqual({ valid: true, cardNo: "8600000000011", problems: [] });
  });

  test("another key, a changed text or a garbled signature fail SM2 verification", () => {
    const other = sm2KeyPair();
    expect(verifySubscriptionSignature(input({ card: { ...input().card, publicKey: other.publicKey } })).problems).toEqual([
      { reason: "SIGNATURE_MISMATCH" },
    ]);
    const tampered = signedPayload.replace("3201000001", "3201000002");
    expect(verifySubscriptionSignature(input({ signedPayload: tampered })).problems).toContainEqual({ reason: "SIGNATURE_MISMATCH" });
    expect(verifySubscriptionSignature(input({ signature: "3045" })).problems).toEqual([{ reason: "SIGNATURE_MISMATCH" }]);
  });

  test("a valid signature over another request names the fields that differ from the record", () => {
    const record = { clientId: "3201000002", stockEmsNo: null, pushMaterials: false, pushProducts: false, incrementalEmsNo: "E32012500001" };
    expect(verifySubscriptionSignature(input({ record })).problems).toEqual([
      { reason: "PAYLOAD_MISMATCH", fields: ["clientId", "stockEmsNo", "pushMaterials"] },
    ]);
  });

  test("text that is no subscription request is malformed", () => {
    for (const text of ["{}", "not json", legacy("CANCEL", { subscriptionId: 1 })]) {
      const check = verifySubscriptionSignature(input({ signedPayload: text, signature: sm2Sign(keys.privateKey, keys.publicKey, text) }));
      expect(check.problems).toEqual([{ reason: "PAYLOAD_MALFORMED" }]);
    }
  });

  test("a revoked, operator or foreign card makes a mathematically valid signature invalid today", () => {
    const card = { cardNo: "8600000000012", publicKey: keys.publicKey, status: "REVOKED" as const, kind: "OPERATOR" as const, enterpriseId: 8 };
    expect(verifySubscriptionSignature(input({ card }))).toEqual({
      valid: false,
      cardNo: "8600000000012",
      problems: [{ reason: "CARD_OF_OTHER_ENTERPRISE" }, { reason: "CARD_KIND_NOT_ALLOWED" }, { reason: "CARD_REVOKED" }],
    });
  });

  test("a statement/2 record verifies against its chosen parts, and names a mismatch as the older format does", () => {
    const content = {
      action: "SUBSCRIBE",
      enterprise: "3201931234",
      statement: "订阅 账册号 E32012500001 存量 料件[1-100]，增量至 2027-01-31 23:59:59，推送至导入客户端 3201000001",
      payload: {
        clientId: "3201000001",
        validUntil: "2027-01-31",
        stock: { emsNo: "E32012500001", materials: "1-100", products: "none" },
        incremental: { emsNo: "E32012500001" },
      },
    };
    const text = signingMessage(content, "b3f1c1de-8e0a-4a51-a3b2-6a1f7f1b2c3d", "8600000000011");
    const signed = input({ signedPayload: text, signature: sm2Sign(keys.privateKey, keys.publicKey, text) });
    expect(verifySubscriptionSignature(signed)).toEqual({ valid: true, cardNo: "8600000000011", problems: [] });
    const record = { ...signed.record, pushProducts: true };
    expect(verifySubscriptionSignature({ ...signed, record }).problems).toEqual([{ reason: "PAYLOAD_MISMATCH", fields: ["pushProducts"] }]);
    const otherCard = { ...signed.card, cardNo: "8600000000019" };
    expect(verifySubscriptionSignature({ ...signed, card: otherCard }).problems).toEqual([{ reason: "CARD_MISMATCH" }]);
  });
});
