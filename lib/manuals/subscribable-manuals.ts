// The manuals an enterprise may subscribe to (R1: its own processing unit's, still in force), with what the
// subscribe form needs to choose without guessing: each table's row count and highest 序号, the last change.
import { Prisma, type Db } from "@/lib/db/client";

/** Enough for any enterprise's manuals; the picker says when there are more (free typing still works). */
export const SUBSCRIBABLE_MANUALS_LIMIT = 200;

export interface SubscribableManual {
  emsNo: string;
  materialCount: number;
  materialMaxSeqno: number;
  productCount: number;
  productMaxSeqno: number;
  /** 变更批准时间, or 备案批准时间 for a manual never changed. */
  lastChangedAt: Date;
}

export async function listSubscribableManuals(options: { db: Db; customsCode: string; today: string }): Promise<SubscribableManual[]> {
  const rows = await options.db.$queryRaw<Array<Omit<SubscribableManual, "lastChangedAt"> & { lastChangedAt: Date }>>`
    SELECT m."emsNo",
      coalesce(mat.count, 0)::int AS "materialCount", coalesce(mat.max, 0)::int AS "materialMaxSeqno",
      coalesce(prd.count, 0)::int AS "productCount", coalesce(prd.max, 0)::int AS "productMaxSeqno",
      coalesce(m."chgApprTime", m."putrecApprTime") AS "lastChangedAt"
    FROM "Manual" m
    LEFT JOIN LATERAL (SELECT count(*), max("gdsSeqno") FROM "ManualMaterial" WHERE "manualId" = m.id) mat ON true
    LEFT JOIN LATERAL (SELECT count(*), max("gdsSeqno") FROM "ManualProduct" WHERE "manualId" = m.id) prd ON true
    WHERE m."rcvgdEtpsno" = ${options.customsCode} AND m."finishValidDate" >= ${options.today}::date
    ORDER BY m."emsNo"
    LIMIT ${Prisma.raw(String(SUBSCRIBABLE_MANUALS_LIMIT + 1))}`;
  return rows;
}
