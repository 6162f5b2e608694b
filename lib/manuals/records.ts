// The manual's header and rows as a push carries them. Decimals are read as the database's text of
// numeric(19,5) (always 5 decimals, e.g. "1.25000"): that is "exactly as stored", with no float or
// Decimal round trip. lib/manuals/change-schema.ts writes change rows in the same form.
import type { Db, Prisma } from "@/lib/db/client";
import { SqlTransaction } from "@/lib/db/sql";

export type ManualTable = "materials" | "products";

export interface ManualHeadRecord {
  seqNo: string | null;
  emsNo: string;
  etpsPreentNo: string | null;
  emsTypecd: string | null;
  bizopEtpsno: string;
  bizopEtpsSccd: string | null;
  bizopEtpsNm: string;
  rcvgdEtpsno: string;
  rvsngdEtpsSccd: string | null;
  rcvgdEtpsNm: string;
  dclEtpsno: string | null;
  dclEtpsSccd: string | null;
  dclEtpsNm: string | null;
  masterCuscd: string;
  dclTypecd: string;
  finishValidDate: Date;
  chgTmsCnt: number;
  mtpckItemCnt: number;
  endprdItemCnt: number;
  putrecApprTime: Date;
  chgApprTime: Date | null;
}

export interface ManualRowRecord {
  gdsSeqno: number;
  gdsMtno: string;
  gdecd: string;
  gdsNm: string;
  endprdGdsSpcfModelDesc: string | null;
  dclUnitcd: string;
  lawfUnitcd: string;
  secdLawfUnitcd: string | null;
  dclUprcAmt: string | null;
  dclQty: string | null;
  dclCurrcd: string | null;
  natcd: string | null;
  lvyrlfModecd: string | null;
  /** Materials only. */
  adjmtrMarkcd?: string | null;
  modfMarkcd: string;
}

export const manualHeadSelect = {
  seqNo: true,
  emsNo: true,
  etpsPreentNo: true,
  emsTypecd: true,
  bizopEtpsno: true,
  bizopEtpsSccd: true,
  bizopEtpsNm: true,
  rcvgdEtpsno: true,
  rvsngdEtpsSccd: true,
  rcvgdEtpsNm: true,
  dclEtpsno: true,
  dclEtpsSccd: true,
  dclEtpsNm: true,
  masterCuscd: true,
  dclTypecd: true,
  finishValidDate: true,
  chgTmsCnt: true,
  mtpckItemCnt: true,
  endprdItemCnt: true,
  putrecApprTime: true,
  chgApprTime: true,
} satisfies Prisma.ManualSelect;

/** A stock dispatch reads its snapshot on pg (lib/db/sql.ts): 20,000 rows through Prisma cost twice the CPU. */
type Client = Db | Prisma.TransactionClient | SqlTransaction;

// The head as Prisma returns it; its date column (finishValidDate) as a Date at UTC midnight, as Prisma reads a date.
const HEAD_SQL = `SELECT ${Object.keys(manualHeadSelect)
  .map((column) => (column === "finishValidDate" ? `("finishValidDate"::timestamp AT TIME ZONE 'UTC') AS "finishValidDate"` : `"${column}"`))
  .join(", ")} FROM "Manual" WHERE id = $1`;

export async function loadManualHead(options: { db: Client; manualId: number }): Promise<ManualHeadRecord> {
  const { db, manualId } = options;
  if (!(db instanceof SqlTransaction)) return db.manual.findUniqueOrThrow({ where: { id: manualId }, select: manualHeadSelect });
  const [head] = await db.query<ManualHeadRecord>(HEAD_SQL, [manualId]);
  if (!head) throw new Error(`manual ${manualId} does not exist`);
  return head;
}

const COMMON_COLUMNS = `"gdsSeqno", "gdsMtno", "gdecd", "gdsNm", "endprdGdsSpcfModelDesc", "dclUnitcd", "lawfUnitcd",
  "secdLawfUnitcd", "dclUprcAmt"::text AS "dclUprcAmt", "dclQty"::text AS "dclQty", "dclCurrcd", "natcd",
  "lvyrlfModecd", "modfMarkcd"`;

const ROWS_SQL: Record<ManualTable, string> = {
  materials: `SELECT ${COMMON_COLUMNS}, "adjmtrMarkcd" FROM "ManualMaterial"`,
  products: `SELECT ${COMMON_COLUMNS} FROM "ManualProduct"`,
};

/** Rows of one table in serial-number order; a null bound is open (R4: an empty range is the whole table). */
export async function loadManualRows(options: {
  db: Client;
  manualId: number;
  table: ManualTable;
  from?: number | null;
  to?: number | null;
  gdsSeqnos?: number[];
}): Promise<ManualRowRecord[]> {
  const { db, manualId, table } = options;
  const sql = `${ROWS_SQL[table]}
     WHERE "manualId" = $1
       AND ($2::int IS NULL OR "gdsSeqno" >= $2::int)
       AND ($3::int IS NULL OR "gdsSeqno" <= $3::int)
       AND ($4::int[] IS NULL OR "gdsSeqno" = ANY($4::int[]))
     ORDER BY "gdsSeqno"`;
  const values = [manualId, options.from ?? null, options.to ?? null, options.gdsSeqnos ?? null];
  return db instanceof SqlTransaction ? db.query<ManualRowRecord>(sql, values) : db.$queryRawUnsafe<ManualRowRecord[]>(sql, ...values);
}
