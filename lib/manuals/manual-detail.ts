// One manual as a customs admin reads it (R19): the header, and its materials or products a page at a time,
// searched by serial number (序号) or part number (料号, prefix); keyset-paged by serial number.
import type { Db, Prisma } from "@/lib/db/client";
import { toPage, type Page } from "@/lib/pagination/keyset";
import { manualHeadSelect, type ManualTable } from "@/lib/manuals/records";
import { manualRowFields, rowValues, type RowValues } from "./row-fields";

export const MANUAL_ROWS_PAGE_SIZE = 50;

export async function loadManualHeader(options: { db: Db; emsNo: string }) {
  const manual = await options.db.manual.findUnique({
    where: { emsNo: options.emsNo },
    select: { id: true, updatedAt: true, ...manualHeadSelect, _count: { select: { changes: { where: { status: "PENDING" } } } } },
  });
  if (!manual) return null;
  const { _count, ...head } = manual;
  return { ...head, pendingChanges: _count.changes };
}

export interface ManualRowView {
  gdsSeqno: number;
  modfMarkcd: string;
  values: RowValues;
}

function searchWhere(q: string | undefined) {
  if (!q) return {};
  const partNumber = { gdsMtno: { startsWith: q, mode: "insensitive" as const } };
  return /^\d{1,9}$/.test(q) ? { OR: [{ gdsSeqno: Number(q) }, partNumber] } : partNumber;
}

export async function listManualRows(options: {
  db: Db;
  manualId: number;
  table: ManualTable;
  q?: string;
  after?: number | null;
  pageSize?: number;
}): Promise<Page<ManualRowView>> {
  const { db, manualId, table } = options;
  const pageSize = options.pageSize ?? MANUAL_ROWS_PAGE_SIZE;
  const where = {
    AND: [{ manualId }, searchWhere(options.q), options.after ? { gdsSeqno: { gt: options.after } } : {}],
  } satisfies Prisma.ManualMaterialWhereInput & Prisma.ManualProductWhereInput;
  const query = { where, orderBy: { gdsSeqno: "asc" as const }, take: pageSize + 1 };
  const records = table === "materials" ? await db.manualMaterial.findMany(query) : await db.manualProduct.findMany(query);
  return toPage(
    records,
    pageSize,
    (r) => String(r.gdsSeqno),
    (r) => ({ gdsSeqno: r.gdsSeqno, modfMarkcd: r.modfMarkcd, values: rowValues(r, manualRowFields[table]) }),
  );
}
