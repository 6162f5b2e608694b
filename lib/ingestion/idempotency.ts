// Idempotency on the request id (R19): the first request with an id is applied and its answer stored in the
// same transaction; a retry with the same id and body gets that answer again and changes nothing; the same
// id with another body, or from another system, is refused.
import { createHash } from "node:crypto";
import { Prisma, type Db } from "@/lib/db/client";
import type { IngestionKind } from "@/lib/generated/prisma/enums";
import { canonicalJson } from "@/lib/signing/canonical";
import { IngestionError } from "./errors";

/** SM3 (Node's, fast on a 5 MB body) of the body's canonical JSON: key order and spacing do not matter. */
export const bodyDigest = (body: unknown): string => createHash("sm3").update(canonicalJson(body)).digest("hex");

export async function runOnce(options: {
  db: Db;
  systemId: number;
  kind: IngestionKind;
  requestId: string;
  bodyDigest: string;
  apply: (tx: Prisma.TransactionClient) => Promise<Prisma.InputJsonObject>;
}): Promise<{ replayed: boolean; result: unknown }> {
  const { db, requestId } = options;
  const replay = async () => {
    const earlier = await db.ingestionRequest.findUnique({ where: { requestId } });
    if (!earlier) return null;
    if (earlier.upstreamSystemId !== options.systemId || earlier.kind !== options.kind || earlier.bodyDigest !== options.bodyDigest) {
      throw new IngestionError(409, "REQUEST_ID_REUSED", "ingestion.requestIdReused", { requestId });
    }
    return { replayed: true, result: earlier.response };
  };

  const earlier = await replay();
  if (earlier) return earlier;
  try {
    return await db.$transaction(
      async (tx) => {
        const result = await options.apply(tx);
        await tx.ingestionRequest.create({
          data: { requestId, upstreamSystemId: options.systemId, kind: options.kind, bodyDigest: options.bodyDigest, response: result },
        });
        return { replayed: false, result };
      },
      // Up to 10,000 rows per request; the default 5 s would abort a large one.
      { timeout: 120_000, maxWait: 10_000 },
    );
  } catch (error) {
    if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") throw error;
    // A concurrent request won the race: the same request again is a replay, anything else a conflict.
    const raced = await replay();
    if (raced) return raced;
    throw new IngestionError(409, "CONFLICT", "ingestion.conflict");
  }
}
