// Applies the changed rows of one table of a manual (ModfMarkcd 1 modified, 2 deleted, 3 added) and returns
// them as the INCREMENT push carries them: added/modified rows as now stored, deleted rows as they were.
import type { Prisma } from "@/lib/db/client";
import { loadManualRows, type ManualRowRecord } from "@/lib/manuals/records";
import type { TMaterialChange, TProductChange } from "./change-schema";

type TableChanges = { table: "materials"; changes: TMaterialChange[] } | { table: "products"; changes: TProductChange[] };

export async function applyRowChanges(options: { tx: Prisma.TransactionClient; manualId: number } & TableChanges): Promise<ManualRowRecord[]> {
  const { tx, manualId, table } = options;
  if (options.changes.length === 0) return [];
  const deletedSeqnos = options.changes.filter((c) => c.modfMarkcd === "2").map((c) => c.gdsSeqno);
  const writtenSeqnos = options.changes.filter((c) => c.modfMarkcd !== "2").map((c) => c.gdsSeqno);

  const deletedRows = deletedSeqnos.length ? await loadManualRows({ db: tx, manualId, table, gdsSeqnos: deletedSeqnos }) : [];
  // Modified and added rows are replaced whole: delete by serial number, then insert the new rows.
  const where = { manualId, gdsSeqno: { in: [...deletedSeqnos, ...writtenSeqnos] } };
  if (options.table === "materials") {
    const data = options.changes.flatMap((c) => (c.modfMarkcd === "2" ? [] : [{ ...c, manualId }]));
    await tx.manualMaterial.deleteMany({ where });
    await tx.manualMaterial.createMany({ data });
  } else {
    const data = options.changes.flatMap((c) => (c.modfMarkcd === "2" ? [] : [{ ...c, manualId }]));
    await tx.manualProduct.deleteMany({ where });
    await tx.manualProduct.createMany({ data });
  }

  const writtenRows = writtenSeqnos.length ? await loadManualRows({ db: tx, manualId, table, gdsSeqnos: writtenSeqnos }) : [];
  return [...deletedRows.map((row) => ({ ...row, modfMarkcd: "2" })), ...writtenRows].sort((a, b) => a.gdsSeqno - b.gdsSeqno);
}
