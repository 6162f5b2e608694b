// A refused ingestion request: HTTP status, a stable code for the upstream system, a Chinese message, and for
// invalid input every offending field (docs/ingestion-api.md).
export interface FieldError {
  field: string;
  message: string;
}

export class IngestionError extends Error {
  constructor(
    readonly status: 400 | 401 | 404 | 409 | 413 | 415 | 422,
    readonly code: string,
    message: string,
    readonly fields?: FieldError[],
    readonly fieldCount?: number,
  ) {
    super(message);
    this.name = "IngestionError";
  }

  toResponse(): Response {
    const body = { error: { code: this.code, message: this.message, ...(this.fields ? { fields: this.fields, fieldCount: this.fieldCount } : {}) } };
    const headers: HeadersInit = this.status === 401 ? { "WWW-Authenticate": 'Bearer realm="ingest"' } : {};
    return Response.json(body, { status: this.status, headers });
  }
}
