// 变更审批 (R19): manual changes for customs admins. Pending ones come oldest first (a work queue, and a
// manual's changes must be approved in order); decided ones newest first. Keyset-paged by id.
import type { Db, Prisma } from "@/lib/db/client";
import { toPage, type Page } from "@/lib/pagination/keyset";
import type { TChangeListFilters } from "@/lib/validations/admin-filters";

export const CHANGE_PAGE_SIZE = 20;

export interface ChangeListRow {
  id: number;
  emsNo: string;
  rcvgdEtpsNm: string;
  chgTmsCnt: number;
  status: "PENDING" | "APPROVED" | "REJECTED";
  requestId: string | null;
  submittedAt: Date;
  decidedAt: Date | null;
  headChanged: boolean;
  materialCount: number;
  productCount: number;
}

export async function listManualChanges(options: {
  db: Db;
  filters: TChangeListFilters;
  after?: number | null;
  pageSize?: number;
}): Promise<Page<ChangeListRow>> {
  const { db, filters, after } = options;
  const pageSize = options.pageSize ?? CHANGE_PAGE_SIZE;
  const ascending = filters.status === "PENDING";
  const where: Prisma.ManualChangeWhereInput = {
    ...(filters.status === "ALL" ? {} : { status: filters.status }),
    ...(filters.emsNo ? { manual: { emsNo: filters.emsNo } } : {}),
    ...(after ? { id: ascending ? { gt: after } : { lt: after } } : {}),
  };
  const records = await db.manualChange.findMany({
    where,
    orderBy: { id: ascending ? "asc" : "desc" },
    take: pageSize + 1,
    select: {
      id: true,
      chgTmsCnt: true,
      status: true,
      requestId: true,
      submittedAt: true,
      decidedAt: true,
      manual: { select: { emsNo: true, rcvgdEtpsNm: true } },
    },
  });
  // Row counts from the database: a change may carry 10,000 rows, too many to load just to count them.
  const sizes = await changeSizes(
    db,
    records.map((r) => r.id),
  );
  return toPage(
    records,
    pageSize,
    (r) => String(r.id),
    ({ manual, ...r }) => ({ ...r, ...manual, ...(sizes.get(r.id) ?? { headChanged: false, materialCount: 0, productCount: 0 }) }),
  );
}

async function changeSizes(db: Db, ids: number[]) {
  if (ids.length === 0) return new Map<number, { headChanged: boolean; materialCount: number; productCount: number }>();
  const rows = await db.$queryRaw<{ id: number; headChanged: boolean; materialCount: number; productCount: number }[]>`
    SELECT id,
           COALESCE(jsonb_typeof("headChanges") = 'object', false) AS "headChanged",
           jsonb_array_length("materialChanges")::int AS "materialCount",
           jsonb_array_length("productChanges")::int AS "productCount"
      FROM "ManualChange" WHERE id = ANY(${ids})`;
  return new Map(rows.map(({ id, ...size }) => [id, size]));
}

export const countPendingChanges = (options: { db: Db }) => options.db.manualChange.count({ where: { status: "PENDING" } });
