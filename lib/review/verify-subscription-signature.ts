// 签名验证 of a subscription record (R18), computed whenever an admin opens it: the stored request must pass
// verify-signed-entry.ts (SM2 against the signing card's registered key, card still valid for SUBSCRIBE and of
// the record's enterprise) and must be the SUBSCRIBE request of this very record.
import { SIGNED_FORMAT } from "@/lib/signing/canonical";
import { ZSubscribeForm } from "@/lib/validations/subscription";
import { verifySignedEntry, type RegisteredCard, type SignedEntryProblem } from "./verify-signed-entry";

export type SignatureProblem = SignedEntryProblem | { reason: "PAYLOAD_MALFORMED" } | { reason: "PAYLOAD_MISMATCH"; fields: string[] };

export interface SignatureCheckInput {
  signedPayload: string;
  signature: string;
  enterpriseId: number;
  card: RegisteredCard;
  /** When the request was signed (the record's creation). */
  signedAt?: Date;
  record: { clientId: string; stockEmsNo: string | null; pushMaterials: boolean; pushProducts: boolean; incrementalEmsNo: string | null };
}

export interface SubscriptionSignatureCheck {
  valid: boolean;
  cardNo: string;
  problems: SignatureProblem[];
  cardRevokedAt?: Date;
}

export function verifySubscriptionSignature(input: SignatureCheckInput): SubscriptionSignatureCheck {
  const entry = verifySignedEntry(
    {
      action: "SUBSCRIBE",
      enterpriseId: input.enterpriseId,
      cardNo: input.card.cardNo,
      signature: input.signature,
      signedMessage: new TextEncoder().encode(input.signedPayload),
      signedFormat: SIGNED_FORMAT,
      at: input.signedAt,
    },
    input.card,
  );
  const payloadProblem = checkSignedRequest(input.signedPayload, input.record);
  // A text that is no subscription request at all is said once, as malformed.
  const problems: SignatureProblem[] = entry.problems.filter(
    (p) => !(payloadProblem?.reason === "PAYLOAD_MALFORMED" && p.reason === "ACTION_MISMATCH"),
  );
  if (payloadProblem) problems.splice(problems[0]?.reason === "SIGNATURE_MISMATCH" ? 1 : 0, 0, payloadProblem);
  return {
    valid: problems.length === 0,
    cardNo: input.card.cardNo,
    problems,
    ...(entry.cardRevokedAt ? { cardRevokedAt: entry.cardRevokedAt } : {}),
  };
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
