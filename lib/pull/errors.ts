// A refused pull request: an HTTP status and a stable code the import client acts on (docs/delivery-protocol.md
// B.6); `detail` is technical English for logs, never shown to enterprise users.
import type { PullErrorCode } from "./protocol";

export class PullError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 413,
    readonly code: PullErrorCode,
    readonly detail?: string,
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = "PullError";
  }

  toResponse(): Response {
    return Response.json({ error: { code: this.code, ...(this.detail ? { detail: this.detail } : {}) } }, { status: this.status });
  }
}
