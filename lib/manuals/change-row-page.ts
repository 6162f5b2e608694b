// One page of a change's 料件 or 成品 diff, in serial-number order, so that a change of thousands of rows is read
// whole, page by page. Its summary (修改 / 删除 / 新增, and for a pending change how many rows do not match the
// manual) counts every row of the table, not just the page.
import type { Db } from "@/lib/db/client";
import type { ManualTable } from "@/lib/manuals/records";
import { currentRowValues, type TBeforeState } from "./before-state";
import type { TMaterialChange, TProductChange } from "./change-schema";
import { diffRows, type RowDiff } from "./change-diff";
import { manualRowFields, type RowValues } from "./row-fields";

export const DIFF_PAGE_SIZE = 100;

export interface ChangeRowPage {
  table: ManualTable;
  rows: RowDiff[];
  page: number;
  pageCount: number;
  total: number;
  counts: MarkCounts;
  /** Rows whose mark does not fit the manual (a missing row modified or deleted, an existing one added). */
  warnings: number;
}

export async function loadChangeRowPage(options: {
  db: Db;
  manualId: number;
  table: ManualTable;
  changes: (TMaterialChange | TProductChange)[];
  /** 1-based; beyond the last page reads the last. */
  page: number;
  /** A decided change's kept rows, "CURRENT" for a pending change (the manual now), null when none were kept. */
  before: TBeforeState["materials"] | "CURRENT" | null;
}): Promise<ChangeRowPage> {
  const { table } = options;
  const changes = [...options.changes].sort((a, b) => a.gdsSeqno - b.gdsSeqno);
  const pageCount = Math.max(1, Math.ceil(changes.length / DIFF_PAGE_SIZE));
  const page = Math.min(Math.max(1, options.page), pageCount);
  const before = await beforeValues(options, changes);
  const all = diffRows({ changes, before: before ?? new Map(), fields: manualRowFields[table] });
  return {
    table,
    rows: all.slice((page - 1) * DIFF_PAGE_SIZE, page * DIFF_PAGE_SIZE),
    page,
    pageCount,
    total: changes.length,
    counts: markCounts(changes),
    // Without a before-state a row cannot be told to be missing; without one nothing is flagged.
    warnings: before ? all.filter((row) => row.warning).length : 0,
  };
}

// A type, not an interface: it is handed as is to the messages' values.
export type MarkCounts = { modified: number; deleted: number; added: number; total: number };

const markCount = { "1": "modified", "2": "deleted", "3": "added" } as const;

/** 修改 / 删除 / 新增 of a table's changed rows. */
export function markCounts(changes: { modfMarkcd: "1" | "2" | "3" }[]): MarkCounts {
  const counts = { modified: 0, deleted: 0, added: 0, total: changes.length };
  for (const change of changes) counts[markCount[change.modfMarkcd]]++;
  return counts;
}

async function beforeValues(
  options: { db: Db; manualId: number; table: ManualTable; before: TBeforeState["materials"] | "CURRENT" | null },
  changes: { gdsSeqno: number }[],
): Promise<Map<number, RowValues | null> | null> {
  if (options.before === null) return null;
  if (options.before !== "CURRENT") return new Map(options.before.map((row) => [row.gdsSeqno, row.values as RowValues | null]));
  return currentRowValues({ db: options.db, manualId: options.manualId, table: options.table, gdsSeqnos: changes.map((c) => c.gdsSeqno) });
}
