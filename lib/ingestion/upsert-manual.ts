// Ingestion of a filed manual (R19): creates or updates the header and writes the given rows (insert or
// replace by serial number); a large manual arrives in several requests of up to 10,000 rows. Data older
// than what the portal already has is refused: later changes go through the change endpoint and approval.
import { writeAudit } from "@/lib/audit/log";
import type { Prisma } from "@/lib/db/client";
import type { ManualTable } from "@/lib/manuals/records";
import { IngestionError } from "./errors";
import type { TManualUpsertRequest } from "./schemas";

/** Optional header fields a request leaves out are cleared: the request carries the whole header. */
const clearedHead = {
  seqNo: null,
  etpsPreentNo: null,
  emsTypecd: null,
  bizopEtpsSccd: null,
  rvsngdEtpsSccd: null,
  dclEtpsno: null,
  dclEtpsSccd: null,
  dclEtpsNm: null,
  chgApprTime: null,
};

export async function upsertManual(options: {
  tx: Prisma.TransactionClient;
  input: TManualUpsertRequest;
  system: { id: number; name: string };
}): Promise<Prisma.InputJsonObject> {
  const { tx, input, system } = options;
  const { emsNo, ...head } = input.head;
  const existing = await tx.manual.findUnique({ where: { emsNo }, select: { id: true, chgTmsCnt: true } });
  if (existing && head.chgTmsCnt < existing.chgTmsCnt) {
    throw new IngestionError(409, "STALE_MANUAL", "ingestion.staleManual", { emsNo, current: existing.chgTmsCnt, chgTmsCnt: head.chgTmsCnt });
  }
  const data = { ...clearedHead, ...head };
  const manual = await tx.manual.upsert({ where: { emsNo }, create: { emsNo, ...data }, update: data, select: { id: true } });
  await writeRows(tx, manual.id, "materials", input.materials);
  await writeRows(tx, manual.id, "products", input.products);
  const mtpckItemCnt = await tx.manualMaterial.count({ where: { manualId: manual.id } });
  const endprdItemCnt = await tx.manualProduct.count({ where: { manualId: manual.id } });
  await tx.manual.update({ where: { id: manual.id }, data: { mtpckItemCnt, endprdItemCnt } });

  const result = {
    emsNo,
    created: !existing,
    materialsWritten: input.materials.length,
    productsWritten: input.products.length,
    mtpckItemCnt,
    endprdItemCnt,
  };
  await writeAudit(tx, {
    action: "INGEST_MANUAL",
    targetType: "Manual",
    targetId: emsNo,
    detail: { upstreamSystem: system.name, requestId: input.requestId, ...result },
  });
  return result;
}

/** Rows replace those with the same serial number; filed rows are unchanged (ModfMarkcd 0). */
async function writeRows(
  tx: Prisma.TransactionClient,
  manualId: number,
  table: ManualTable,
  rows: TManualUpsertRequest["materials"] | TManualUpsertRequest["products"],
) {
  if (rows.length === 0) return;
  const where = { manualId, gdsSeqno: { in: rows.map((row) => row.gdsSeqno) } };
  const data = rows.map((row) => ({ ...row, manualId, modfMarkcd: "0" }));
  if (table === "materials") {
    await tx.manualMaterial.deleteMany({ where });
    await tx.manualMaterial.createMany({ data });
  } else {
    await tx.manualProduct.deleteMany({ where });
    await tx.manualProduct.createMany({ data });
  }
}
