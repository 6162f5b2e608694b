// The diff an admin reviews (R19): each changed header field and row against the manual as it is now (a pending
// change) or as it was when the change was decided (before-state.ts). Values are compared as the push writes them
// (decimals as numeric(19,5) text).
import type { HeadValues } from "./before-state";
import type { THeadChanges, TMaterialChange, TProductChange } from "./change-schema";
import { headAfterChange } from "./head-after-change";
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
  field: keyof THeadChanges | "chgTmsCnt";
  current: string | null;
  proposed: string | null;
  changed: boolean;
}

export function diffRows(options: {
  changes: (TMaterialChange | TProductChange)[];
  /** The rows before the change by serial number; a missing or null entry: the manual had no such row. */
  before: Map<number, RowValues | null>;
  fields: readonly ManualRowField[];
}): RowDiff[] {
  const { fields } = options;
  return options.changes.map((change) => {
    const before = options.before.get(change.gdsSeqno) ?? null;
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

/** 变更次数 first, then what the change sets (head-after-change.ts), 申报类型 included where it changes. */
export function diffHead(before: HeadValues, changes: THeadChanges | null, chgTmsCnt: number): HeadDiff[] {
  const after = headAfterChange(changes, chgTmsCnt);
  const submitted = Object.keys(changes ?? {}).filter((field) => field !== "dclTypecd") as (keyof THeadChanges)[];
  return (["chgTmsCnt", ...submitted, "dclTypecd"] as const).flatMap((field) => {
    const current = before[field] ?? null;
    const proposed = displayValue(after[field]);
    // 申报类型 is listed where the change sets or alters it, not for every change of a manual already 变更.
    if (field === "dclTypecd" && current === proposed && !changes?.dclTypecd) return [];
    return [{ field, current, proposed, changed: current !== proposed }];
  });
}
