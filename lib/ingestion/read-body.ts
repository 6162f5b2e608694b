// The JSON body of an ingestion request, read with a size cap (a manual's 10,000 rows are about 5 MB). The
// proxy does not run for /api/ingest (proxy.ts), so the body streams here unbuffered and this is the one
// place its limit is enforced: a declared length over it is refused before a byte is read, a stream as soon
// as it passes it.
import { INGESTION_MAX_BODY_BYTES, megabytes } from "@/lib/security/body-limits";
import { holdsUnstorableText } from "@/lib/validations/storable-text";
import { IngestionError } from "./errors";

export async function readJsonBody(request: Request): Promise<unknown> {
  const maxBytes = INGESTION_MAX_BODY_BYTES;
  if (!/^application\/json\b/i.test(request.headers.get("content-type") ?? "")) {
    throw new IngestionError(415, "UNSUPPORTED_MEDIA_TYPE", "ingestion.unsupportedMediaType");
  }
  const tooLarge = () => new IngestionError(413, "PAYLOAD_TOO_LARGE", "ingestion.payloadTooLarge", { size: megabytes(maxBytes) });
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes) throw tooLarge();

  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    for await (const chunk of request.body as unknown as AsyncIterable<Uint8Array>) {
      size += chunk.byteLength;
      if (size > maxBytes) throw tooLarge();
      chunks.push(chunk);
    }
  }
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks)));
  } catch {
    throw new IngestionError(400, "MALFORMED_JSON", "ingestion.malformedJson");
  }
  if (holdsUnstorableText(body)) throw new IngestionError(400, "MALFORMED_JSON", "validation.unstorableText");
  return body;
}
