// Canonical JSON for signing: object keys sorted, no insignificant white space, so that the browser and the
// server derive the same bytes from the same payload.
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

/**
 * Marks how the stored signed bytes of an audit entry were made: UTF-8 of signingMessage's canonical JSON,
 * SM2 with SM3 and user id 1234567812345678. A new way of signing gets a new marker; old entries keep theirs.
 */
export const SIGNED_FORMAT = "canonical-json/1";

/** The exact text a card signs for an action: bound to the challenge and the payload. */
export function signingMessage(options: { action: string; challengeId: string; payload: unknown }): string {
  return canonicalJson({ action: options.action, challenge: options.challengeId, payload: options.payload });
}
