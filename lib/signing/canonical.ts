// The bytes a card signs (docs/signing.md). Canonical JSON: object keys sorted, no insignificant white space,
// so that the browser and the server derive the same bytes from the same document.
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

/**
 * Marks how the stored signed bytes of an audit entry were made; SM2 with SM3 and user id 1234567812345678
 * in every format. A new way of signing gets a new marker; old entries keep theirs and keep verifying.
 * - "canonical-json/1": { action, challenge, payload } with the form's raw fields (before 2026-12-02).
 * - "statement/2": SignedDocument below.
 */
export const LEGACY_SIGNED_FORMAT = "canonical-json/1";
export const SIGNED_FORMAT = "statement/2";

/** What a challenge is issued for: everything the card signs except the challenge id and the card number. */
export interface SignedContent {
  action: string;
  /** 海关十位 of the signing enterprise. */
  enterprise: string;
  /** The Chinese statement the signer read (statement.ts). */
  statement: string;
  /** The request as the action understands it, without empty fields. */
  payload: unknown;
}

export interface SignedDocument extends SignedContent {
  format: typeof SIGNED_FORMAT;
  challenge: string;
  card: string;
}

/** The exact text a card signs: the content bound to the challenge and to the card that signs it. */
export const signingMessage = (content: SignedContent, challengeId: string, cardNo: string): string =>
  canonicalJson({ ...content, format: SIGNED_FORMAT, challenge: challengeId, card: cardNo } satisfies SignedDocument);

/** The document of statement/2 bytes, or null for anything else (older formats, malformed text). */
export function parseSignedDocument(text: string): SignedDocument | null {
  try {
    const value = JSON.parse(text) as Partial<SignedDocument> | null;
    if (value?.format !== SIGNED_FORMAT || typeof value.statement !== "string" || typeof value.action !== "string") return null;
    return value as SignedDocument;
  } catch {
    return null;
  }
}

/** A payload without its empty strings (`"materialFrom":""` says nothing), as signed by default. */
export function withoutEmptyFields(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutEmptyFields);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== "" && v !== undefined)
      .map(([k, v]) => [k, withoutEmptyFields(v)]),
  );
}
