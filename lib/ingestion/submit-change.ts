// Ingestion of a manual change (R19): stored PENDING, as submitted, for a customs admin to approve or
// reject (lib/manuals/approve-change.ts, reject-change.ts). Its ChgTmsCnt must be new for the manual.
import { writeAudit } from "@/lib/audit/log";
import { Prisma } from "@/lib/db/client";
import { IngestionError } from "./errors";
import type { TChangeSubmitRequest } from "./schemas";

type RawChange = { headChanges?: Prisma.InputJsonValue; materialChanges?: Prisma.InputJsonValue; productChanges?: Prisma.InputJsonValue };

export async function submitManualChange(options: {
  tx: Prisma.TransactionClient;
  input: TChangeSubmitRequest;
  /** The body as received: approval parses it again with the same schema, so it is stored as sent. */
  raw: unknown;
  system: { id: number; name: string };
}): Promise<Prisma.InputJsonObject> {
  const { tx, input, system } = options;
  const raw = options.raw as RawChange;
  const manual = await tx.manual.findUnique({ where: { emsNo: input.emsNo }, select: { id: true, chgTmsCnt: true } });
  if (!manual) throw new IngestionError(404, "MANUAL_NOT_FOUND", "ingestion.manualNotFound", { emsNo: input.emsNo });
  if (input.chgTmsCnt <= manual.chgTmsCnt) {
    throw new IngestionError(409, "STALE_CHANGE", "ingestion.staleChange", {
      chgTmsCnt: input.chgTmsCnt,
      emsNo: input.emsNo,
      current: manual.chgTmsCnt,
    });
  }
  const clash = await tx.manualChange.findUnique({
    where: { manualId_chgTmsCnt: { manualId: manual.id, chgTmsCnt: input.chgTmsCnt } },
    select: { status: true },
  });
  if (clash) {
    throw new IngestionError(409, "DUPLICATE_CHANGE", "ingestion.duplicateChange", {
      emsNo: input.emsNo,
      chgTmsCnt: input.chgTmsCnt,
      status: clash.status,
    });
  }
  const change = await tx.manualChange.create({
    data: {
      manualId: manual.id,
      chgTmsCnt: input.chgTmsCnt,
      headChanges: input.headChanges ? raw.headChanges : Prisma.DbNull,
      materialChanges: raw.materialChanges ?? [],
      productChanges: raw.productChanges ?? [],
      requestId: input.requestId,
    },
    select: { id: true },
  });
  const result = { manualChangeId: change.id, emsNo: input.emsNo, chgTmsCnt: input.chgTmsCnt, status: "PENDING" };
  await writeAudit(tx, {
    action: "INGEST_CHANGE",
    targetType: "ManualChange",
    targetId: change.id,
    detail: { upstreamSystem: system.name, requestId: input.requestId, emsNo: input.emsNo, chgTmsCnt: input.chgTmsCnt },
  });
  return result;
}
