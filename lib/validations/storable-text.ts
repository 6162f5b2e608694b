// Text PostgreSQL cannot store: U+0000 (refused in text) and a lone UTF-16 surrogate (not Unicode; refused in
// json). No one types either, and the INSERT would fail with a database error, so input holding one anywhere
// is refused where it enters: server actions (parseOrThrow) and the ingestion API (readJsonBody).
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const MAX_DEPTH = 32;

/** Whether a string, or any key or string inside an object or array, holds unstorable text. */
export function holdsUnstorableText(value: unknown, depth = 0): boolean {
  if (typeof value === "string") return UNSTORABLE.test(value);
  if (typeof value !== "object" || value === null || depth > MAX_DEPTH) return false;
  return Object.entries(value).some(([key, item]) => UNSTORABLE.test(key) || holdsUnstorableText(item, depth + 1));
}
