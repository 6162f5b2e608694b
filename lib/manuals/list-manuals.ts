// 加工贸易账册 for customs admins (R19): every manual, searched by manual number (prefix), the processing
// unit's or operating enterprise's 海关十位, or a name; keyset-paged by manual number.
import type { Db, Prisma } from "@/lib/db/client";
import { toPage, type Page } from "@/lib/pagination/keyset";

export const MANUAL_PAGE_SIZE = 20;

export interface ManualListRow {
  emsNo: string;
  rcvgdEtpsno: string;
  rcvgdEtpsNm: string;
  bizopEtpsno: string;
  bizopEtpsNm: string;
  masterCuscd: string;
  chgTmsCnt: number;
  mtpckItemCnt: number;
  endprdItemCnt: number;
  finishValidDate: Date;
  pendingChanges: number;
}

function searchWhere(q: string | undefined): Prisma.ManualWhereInput {
  if (!q) return {};
  const upper = q.toUpperCase();
  return {
    OR: [
      { emsNo: { startsWith: upper } },
      { rcvgdEtpsno: upper },
      { bizopEtpsno: upper },
      { rcvgdEtpsNm: { contains: q } },
      { bizopEtpsNm: { contains: q } },
    ],
  };
}

export async function listManuals(options: { db: Db; q?: string; after?: string | null; pageSize?: number }): Promise<Page<ManualListRow>> {
  const pageSize = options.pageSize ?? MANUAL_PAGE_SIZE;
  const records = await options.db.manual.findMany({
    where: { AND: [searchWhere(options.q), options.after ? { emsNo: { gt: options.after } } : {}] },
    orderBy: { emsNo: "asc" },
    take: pageSize + 1,
    select: {
      emsNo: true,
      rcvgdEtpsno: true,
      rcvgdEtpsNm: true,
      bizopEtpsno: true,
      bizopEtpsNm: true,
      masterCuscd: true,
      chgTmsCnt: true,
      mtpckItemCnt: true,
      endprdItemCnt: true,
      finishValidDate: true,
      _count: { select: { changes: { where: { status: "PENDING" } } } },
    },
  });
  return toPage(
    records,
    pageSize,
    (r) => r.emsNo,
    ({ _count, ...r }) => ({ ...r, pendingChanges: _count.changes }),
  );
}
