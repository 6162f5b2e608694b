// 签名复验 of any signed audit entry (R18, R20): the stored signed bytes must verify (SM2 with SM3) against the
// registered key of the card the entry names, must be a request for the entry's action, and the card must still
// be a card of the entry's enterprise of a kind that may sign that action, not revoked when it signed. Only the
// stored bytes are verified, never bytes derived again, so entries of an older signing format stay verifiable.
// A signature made before its card was revoked stays valid and says since when the card is revoked.
import { sm2Verify } from "@/lib/crypto/sm2";
import { LEGACY_SIGNED_FORMAT, parseSignedDocument, SIGNED_FORMAT } from "@/lib/signing/canonical";
import { cardKindsOf } from "@/lib/signing/registry";

export type SignedEntryProblem =
  | { reason: "MESSAGE_MISSING" }
  | { reason: "CARD_UNKNOWN" }
  | { reason: "SIGNATURE_MISMATCH" }
  | { reason: "FORMAT_UNKNOWN" }
  | { reason: "ACTION_MISMATCH" }
  /** statement/2 names the signing card: the entry's card must be that one. */
  | { reason: "CARD_MISMATCH" }
  | { reason: "CARD_REVOKED" }
  | { reason: "CARD_KIND_NOT_ALLOWED" }
  | { reason: "CARD_OF_OTHER_ENTERPRISE" };

export interface RegisteredCard {
  cardNo: string;
  publicKey: string;
  status: "ACTIVE" | "REVOKED";
  kind: "LEGAL_PERSON" | "OPERATOR";
  enterpriseId: number;
  /** Null for a card revoked before revocations were dated: none of its signatures can then be shown to precede it. */
  revokedAt?: Date | null;
}

export interface SignedEntry {
  action: string;
  enterpriseId: number | null;
  cardNo: string;
  signature: string;
  signedMessage: Uint8Array | null;
  signedFormat: string | null;
  /** When it was signed (the entry's time); without it a revoked card's signature counts as made after. */
  at?: Date;
}

export interface SignedEntryCheck {
  valid: boolean;
  cardNo: string;
  problems: SignedEntryProblem[];
  /** Set when the card is revoked (and it is known since when). */
  cardRevokedAt?: Date;
}

export function verifySignedEntry(entry: SignedEntry, card: RegisteredCard | null): SignedEntryCheck {
  const problems: SignedEntryProblem[] = [];
  const revokedAt = card?.status === "REVOKED" ? card.revokedAt : null;
  const done = () => ({ valid: problems.length === 0, cardNo: entry.cardNo, problems, ...(revokedAt ? { cardRevokedAt: revokedAt } : {}) });
  if (!entry.signedMessage) problems.push({ reason: "MESSAGE_MISSING" });
  if (!card) problems.push({ reason: "CARD_UNKNOWN" });
  if (!entry.signedMessage || !card) return done();

  if (!sm2Verify(card.publicKey, entry.signedMessage, entry.signature)) problems.push({ reason: "SIGNATURE_MISMATCH" });
  const signed = signedRequestOf(entry.signedMessage, entry.signedFormat);
  if (signed === undefined) problems.push({ reason: "FORMAT_UNKNOWN" });
  else if (signed?.action !== entry.action) problems.push({ reason: "ACTION_MISMATCH" });
  if (signed?.card !== undefined && signed.card !== entry.cardNo) problems.push({ reason: "CARD_MISMATCH" });
  if (card.enterpriseId !== entry.enterpriseId) problems.push({ reason: "CARD_OF_OTHER_ENTERPRISE" });
  if (!(cardKindsOf(entry.action) as readonly string[]).includes(card.kind)) problems.push({ reason: "CARD_KIND_NOT_ALLOWED" });
  if (card.status !== "ACTIVE" && !(revokedAt && entry.at && entry.at < revokedAt)) problems.push({ reason: "CARD_REVOKED" });
  return done();
}

const decode = (bytes: Uint8Array) => new TextDecoder("utf-8", { fatal: true }).decode(bytes);

/**
 * What the signed bytes name (docs/signing.md): the action, and in statement/2 also the card and the statement;
 * null when they name no action, undefined for a format this code does not know.
 */
function signedRequestOf(bytes: Uint8Array, format: string | null): { action: string; card?: string; statement?: string } | null | undefined {
  if (format !== SIGNED_FORMAT && format !== LEGACY_SIGNED_FORMAT) return undefined;
  try {
    const text = decode(bytes);
    if (format === SIGNED_FORMAT) return parseSignedDocument(text);
    const legacy = JSON.parse(text) as { action?: unknown };
    return typeof legacy?.action === "string" ? { action: legacy.action } : null;
  } catch {
    return null;
  }
}

/** The statement the signer read, from statement/2 bytes; null for older formats, which have none. */
export const signedStatementOf = (bytes: Uint8Array | null, format: string | null): string | null =>
  (bytes && signedRequestOf(bytes, format)?.statement) ?? null;
