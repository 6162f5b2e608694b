// The diff an admin reviews before 审批通过 (R19): each changed header field and row against the manual as
// it is now. Values are compared as the push writes them (decimals as numeric(19,5) text).
import type { ManualHeadRecord, ManualRowRecord } from "@/lib/pushes/manual-records";
import type { THeadChanges, TMaterialChange, TProductChange } from "./change-schema";
import { displayValue, rowValues, type ManualRowField, type RowValues } from "./row-fields";

export interface RowDiff {
  gdsSeqno: number;
  /** 1 modified, 2 deleted, 3 added. */
  modfMarkcd: "1" | "2" | "3";
  current: RowValues | null;
  proposed: RowValues | null;
  changedFields: ManualRowField[];
  /** A modified or deleted row the manual does not have, or an added row it already has. */
  warning: "MISSING_ROW" | "ROW_EXISTS" | null;
}

export interface HeadDiff {
  field: keyof THeadChanges;
  current: string | null;
  proposed: string | null;
  changed: boolean;
}

export function diffRows(options: {
  changes: (TMaterialChange | TProductChange)[];
  currentRows: ManualRowRecord[];
  fields: readonly ManualRowField[];
}): RowDiff[] {
  const { fields } = options;
  const current = new Map(options.currentRows.map((row) => [row.gdsSeqno, rowValues(row, fields)]));
  return options.changes.map((change) => {
    const before = current.get(change.gdsSeqno) ?? null;
    if (change.modfMarkcd === "2") {
      return {
        gdsSeqno: change.gdsSeqno,
        modfMarkcd: "2",
        current: before,
        proposed: null,
        changedFields: [],
        warning: before ? null : "MISSING_ROW",
      };
    }
    const proposed = rowValues(change, fields);
    const changedFields = fields.filter((field) => !before || before[field] !== proposed[field]);
    const warning = change.modfMarkcd === "1" ? (before ? null : "MISSING_ROW") : before ? "ROW_EXISTS" : null;
    return { gdsSeqno: change.gdsSeqno, modfMarkcd: change.modfMarkcd, current: before, proposed, changedFields, warning };
  });
}

export function diffHead(current: ManualHeadRecord, changes: THeadChanges | null): HeadDiff[] {
  return (Object.entries(changes ?? {}) as [keyof THeadChanges, unknown][]).map(([field, value]) => {
    const before = displayValue(current[field]);
    const after = displayValue(value);
    return { field, current: before, proposed: after, changed: before !== after };
  });
}
