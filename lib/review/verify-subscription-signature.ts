// 签名验证 of a subscription record (R18), computed whenever an admin opens it: the stored request must
// verify (SM2 with SM3) against the registered key of the card that signed it, must be the SUBSCRIBE request
// of this very record, and the card must still be a valid legal-person card of the record's enterprise.
import { sm2Verify } from "@/lib/crypto/sm2";
import { ZSubscribeForm } from "@/lib/validations/subscription";

export type SignatureProblem =
  | { reason: "SIGNATURE_MISMATCH" }
  | { reason: "PAYLOAD_MALFORMED" }
  | { reason: "PAYLOAD_MISMATCH"; fields: string[] }
  | { reason: "CARD_REVOKED" }
  | { reason: "CARD_NOT_LEGAL_PERSON" }
  | { reason: "CARD_OF_OTHER_ENTERPRISE" };

export interface SignatureCheckInput {
  signedPayload: string;
  signature: string;
  enterpriseId: number;
  card: { publicKey: string; status: "ACTIVE" | "REVOKED"; kind: "LEGAL_PERSON" | "OPERATOR"; enterpriseId: number };
  record: { clientId: string; stockEmsNo: string | null; pushMaterials: boolean; pushProducts: boolean; incrementalEmsNo: string | null };
}

export function verifySubscriptionSignature(input: SignatureCheckInput): { valid: boolean; problems: SignatureProblem[] } {
  const problems: SignatureProblem[] = [];
  if (!sm2Verify(input.card.publicKey, input.signedPayload, input.signature)) problems.push({ reason: "SIGNATURE_MISMATCH" });
  const payloadProblem = checkSignedRequest(input.signedPayload, input.record);
  if (payloadProblem) problems.push(payloadProblem);
  if (input.card.enterpriseId !== input.enterpriseId) problems.push({ reason: "CARD_OF_OTHER_ENTERPRISE" });
  if (input.card.kind !== "LEGAL_PERSON") problems.push({ reason: "CARD_NOT_LEGAL_PERSON" });
  if (input.card.status !== "ACTIVE") problems.push({ reason: "CARD_REVOKED" });
  return { valid: problems.length === 0, problems };
}

/** The signed text is lib/signing/canonical.ts's { action, challenge, payload } of a SUBSCRIBE request. */
function checkSignedRequest(signedPayload: string, record: SignatureCheckInput["record"]): SignatureProblem | null {
  let signed: { action?: unknown; payload?: unknown };
  try {
    signed = JSON.parse(signedPayload);
  } catch {
    return { reason: "PAYLOAD_MALFORMED" };
  }
  const form = ZSubscribeForm.safeParse(signed?.payload);
  if (signed?.action !== "SUBSCRIBE" || !form.success) return { reason: "PAYLOAD_MALFORMED" };
  const payload = form.data;
  const expected = {
    clientId: record.clientId,
    stockEmsNo: record.stockEmsNo ?? "",
    pushMaterials: record.stockEmsNo !== null && record.pushMaterials,
    pushProducts: record.stockEmsNo !== null && record.pushProducts,
    incrementalEmsNo: record.incrementalEmsNo ?? "",
  };
  const actual = {
    clientId: payload.clientId,
    stockEmsNo: payload.stockEnabled ? payload.stockEmsNo : "",
    pushMaterials: payload.stockEnabled && payload.pushMaterials,
    pushProducts: payload.stockEnabled && payload.pushProducts,
    incrementalEmsNo: payload.incrementalEnabled ? payload.incrementalEmsNo : "",
  };
  const fields = (Object.keys(expected) as (keyof typeof expected)[]).filter((key) => expected[key] !== actual[key]);
  return fields.length ? { reason: "PAYLOAD_MISMATCH", fields } : null;
}
