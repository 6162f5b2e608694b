// The pipeline of every ingestion route (docs/ingestion-api.md): bearer token → JSON body → zod (every
// invalid field, in Chinese) → apply once per request id → 201 (or 200 for a replay) with the result.
import type { z } from "zod";
import type { Db, Prisma } from "@/lib/db/client";
import { GENERIC_REFUSAL } from "@/lib/errors";
import { renderRefusal } from "@/lib/i18n/refusal";
import { localeOf } from "@/lib/i18n/translator";
import { REPORT_INPUT } from "@/lib/validations/issue-refusal";
import { logger } from "@/lib/log/logger";
import type { IngestionKind } from "@/lib/generated/prisma/enums";
import { IngestionError } from "./errors";
import { bodyDigest, runOnce } from "./idempotency";
import { invalidInput } from "./invalid-input";
import { readJsonBody } from "./read-body";
import { ZChangeSubmitRequest, ZManualUpsertRequest } from "./schemas";
import { submitManualChange } from "./submit-change";
import { authenticateUpstream } from "./upstream-token";
import { upsertManual } from "./upsert-manual";

interface IngestionEndpoint<TSchema extends z.ZodType<{ requestId: string }>> {
  kind: IngestionKind;
  schema: TSchema;
  apply: (options: {
    tx: Prisma.TransactionClient;
    input: z.infer<TSchema>;
    raw: unknown;
    system: { id: number; name: string };
  }) => Promise<Prisma.InputJsonObject>;
}

export const manualUpsertEndpoint: IngestionEndpoint<typeof ZManualUpsertRequest> = {
  kind: "MANUAL_UPSERT",
  schema: ZManualUpsertRequest,
  apply: upsertManual,
};

export const changeSubmitEndpoint: IngestionEndpoint<typeof ZChangeSubmitRequest> = {
  kind: "CHANGE_SUBMIT",
  schema: ZChangeSubmitRequest,
  apply: submitManualChange,
};

export async function handleIngestion<TSchema extends z.ZodType<{ requestId: string }>>(options: {
  db: Db;
  request: Request;
  endpoint: IngestionEndpoint<TSchema>;
}): Promise<Response> {
  const { db, request, endpoint } = options;
  try {
    const system = await authenticateUpstream({ db, request });
    if (!system) throw new IngestionError(401, "UNAUTHORIZED", "ingestion.unauthorized");
    const raw = await readJsonBody(request);
    const parsed = endpoint.schema.safeParse(raw, REPORT_INPUT);
    if (!parsed.success) throw invalidInput(parsed.error.issues);
    const input = parsed.data;
    const { replayed, result } = await runOnce({
      db,
      systemId: system.id,
      kind: endpoint.kind,
      requestId: input.requestId,
      bodyDigest: bodyDigest(raw),
      apply: (tx) => endpoint.apply({ tx, input, raw, system }),
    });
    return Response.json({ requestId: input.requestId, replayed, result }, { status: replayed ? 200 : 201 });
  } catch (error) {
    if (error instanceof IngestionError) return error.toResponse(localeOf(request));
    logger("ingest").error({ err: error }, "unexpected error");
    return Response.json({ error: { code: "INTERNAL", message: renderRefusal(GENERIC_REFUSAL, localeOf(request)) } }, { status: 500 });
  }
}
