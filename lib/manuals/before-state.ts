// ManualChange.beforeState: the manual as a change found it, fixed in the decision's transaction — its header and,
// for each changed serial number, the row as it was (null where the manual had none) — so that the change's
// review shows 变更前 → 变更后 long after the manual has moved on. Values are kept as the diff shows them
// (row-fields.ts displayValue), so an old decision reads the same whatever later migrations do to the columns.
import { z } from "zod";
import type { Db, Prisma } from "@/lib/db/client";
import { loadManualHead, loadManualRows, type ManualHeadRecord, type ManualTable } from "@/lib/manuals/records";
import { displayValue, manualRowFields, rowValues, type RowValues } from "./row-fields";

const ZValues = z.record(z.string(), z.string().nullable());
const ZBeforeRows = z.array(z.object({ gdsSeqno: z.number().int(), values: ZValues.nullable() }));

export const ZBeforeState = z.object({ head: ZValues, materials: ZBeforeRows, products: ZBeforeRows });
export type TBeforeState = z.infer<typeof ZBeforeState>;
export type HeadValues = Partial<Record<keyof ManualHeadRecord, string | null>>;

export const headValues = (head: ManualHeadRecord): HeadValues =>
  Object.fromEntries(Object.entries(head).map(([field, value]) => [field, displayValue(value)]));

/** The rows as the manual has them now, null where it has no row of that serial number. */
export async function currentRowValues(options: {
  db: Db | Prisma.TransactionClient;
  manualId: number;
  table: ManualTable;
  gdsSeqnos: number[];
}): Promise<Map<number, RowValues | null>> {
  const { table, gdsSeqnos } = options;
  const rows = gdsSeqnos.length ? await loadManualRows({ db: options.db, manualId: options.manualId, table, gdsSeqnos }) : [];
  const found = new Map(rows.map((row) => [row.gdsSeqno, rowValues(row, manualRowFields[table])]));
  return new Map(gdsSeqnos.map((seqno) => [seqno, found.get(seqno) ?? null]));
}

/** Read inside the decision's transaction, before an approval applies anything. */
export async function captureBeforeState(options: {
  tx: Prisma.TransactionClient;
  manualId: number;
  changedSeqnos: Record<ManualTable, number[]>;
}): Promise<TBeforeState> {
  const { tx, manualId } = options;
  const rows = async (table: ManualTable) =>
    [...(await currentRowValues({ db: tx, manualId, table, gdsSeqnos: options.changedSeqnos[table] })).entries()].map(([gdsSeqno, values]) => ({
      gdsSeqno,
      values,
    }));
  return { head: headValues(await loadManualHead({ db: tx, manualId })), materials: await rows("materials"), products: await rows("products") };
}

/** A stored before-state; null for a change decided before it was kept (or one that does not parse). */
export function parseBeforeState(value: unknown): TBeforeState | null {
  const parsed = ZBeforeState.safeParse(value);
  return parsed.success ? parsed.data : null;
}
