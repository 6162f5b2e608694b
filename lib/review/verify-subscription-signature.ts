// 签名验证 of a subscription record (R18), computed whenever an admin opens it: the stored request must pass
// verify-signed-entry.ts (SM2 against the signing card's registered key, card still valid for SUBSCRIBE and of
// the record's enterprise) and must be the SUBSCRIBE request of this very record.
import { LEGACY_SIGNED_FORMAT, parseSignedDocument, SIGNED_FORMAT } from "@/lib/signing/canonical";
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
      signedFormat: signedFormatOf(input.signedPayload),
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

/** A record keeps no format beside its signed text; statement/2 says its own, anything else is the older one. */
export const signedFormatOf = (signedPayload: string): string => (parseSignedDocument(signedPayload) ? SIGNED_FORMAT : LEGACY_SIGNED_FORMAT);

type SignedParts = { clientId: string; stockEmsNo: string; pushMaterials: boolean; pushProducts: boolean; incrementalEmsNo: string };

/** statement/2: the payload of lib/subscriptions/actions/subscribe.ts (chosen parts only, a table "none" when not chosen). */
function statementParts(payload: unknown): SignedParts | null {
  const p = payload as {
    clientId?: unknown;
    stock?: { emsNo?: unknown; materials?: unknown; products?: unknown };
    incremental?: { emsNo?: unknown };
  } | null;
  if (typeof p?.clientId !== "string") return null;
  return {
    clientId: p.clientId,
    stockEmsNo: typeof p.stock?.emsNo === "string" ? p.stock.emsNo : "",
    pushMaterials: p.stock !== undefined && p.stock.materials !== "none",
    pushProducts: p.stock !== undefined && p.stock.products !== "none",
    incrementalEmsNo: typeof p.incremental?.emsNo === "string" ? p.incremental.emsNo : "",
  };
}

/** canonical-json/1: the raw subscribe form. */
function legacyParts(payload: unknown): SignedParts | null {
  const form = ZSubscribeForm.safeParse(payload);
  if (!form.success) return null;
  const f = form.data;
  return {
    clientId: f.clientId,
    stockEmsNo: f.stockEnabled ? f.stockEmsNo : "",
    pushMaterials: f.stockEnabled && f.pushMaterials,
    pushProducts: f.stockEnabled && f.pushProducts,
    incrementalEmsNo: f.incrementalEnabled ? f.incrementalEmsNo : "",
  };
}

/** The signed text must be a SUBSCRIBE request (docs/signing.md, either format) for exactly this record's parts. */
function checkSignedRequest(signedPayload: string, record: SignatureCheckInput["record"]): SignatureProblem | null {
  let signed: { action?: unknown; payload?: unknown };
  try {
    signed = JSON.parse(signedPayload);
  } catch {
    return { reason: "PAYLOAD_MALFORMED" };
  }
  const actual = parseSignedDocument(signedPayload) ? statementParts(signed.payload) : legacyParts(signed?.payload);
  if (signed?.action !== "SUBSCRIBE" || !actual) return { reason: "PAYLOAD_MALFORMED" };
  const expected: SignedParts = {
    clientId: record.clientId,
    stockEmsNo: record.stockEmsNo ?? "",
    pushMaterials: record.stockEmsNo !== null && record.pushMaterials,
    pushProducts: record.stockEmsNo !== null && record.pushProducts,
    incrementalEmsNo: record.incrementalEmsNo ?? "",
  };
  const fields = (Object.keys(expected) as (keyof SignedParts)[]).filter((key) => expected[key] !== actual[key]);
  return fields.length ? { reason: "PAYLOAD_MISMATCH", fields } : null;
}
