// A refused ingestion request: HTTP status, a stable code for the upstream system, a refusal rendered in the
// request's language (Chinese unless the upstream system's cookie says otherwise), and for invalid input every
// offending field (docs/ingestion-api.md).
import type { Refusal, RefusalKey, RefusalValues } from "@/lib/errors";
import { renderRefusal } from "@/lib/i18n/refusal";
import type { Locale } from "@/lib/i18n/locales";

export interface FieldRefusal {
  field: string;
  refusal: Refusal;
}

export class IngestionError extends Error {
  readonly refusal: Refusal;

  constructor(
    readonly status: 400 | 401 | 404 | 409 | 413 | 415 | 422,
    readonly code: string,
    key: RefusalKey,
    values?: RefusalValues,
    readonly fields?: FieldRefusal[],
    readonly fieldCount?: number,
  ) {
    super(values ? `${code}: ${key} ${JSON.stringify(values)}` : `${code}: ${key}`);
    this.name = "IngestionError";
    this.refusal = { key, values };
  }

  toResponse(locale?: Locale): Response {
    const fields = this.fields?.map(({ field, refusal }) => ({ field, message: renderRefusal(refusal, locale) }));
    const body = {
      error: { code: this.code, message: renderRefusal(this.refusal, locale), ...(fields ? { fields, fieldCount: this.fieldCount } : {}) },
    };
    const headers: HeadersInit = this.status === 401 ? { "WWW-Authenticate": 'Bearer realm="ingest"' } : {};
    return Response.json(body, { status: this.status, headers });
  }
}
