import { describe, expect, test } from "vitest";
import type { ManualHeadRecord, ManualRowRecord } from "@/lib/manuals/records";
import { headValues } from "./before-state";
import { diffHead, diffRows } from "./change-diff";
import { ZHeadChanges, ZMaterialChanges } from "./change-schema";
import { manualRowFields, rowValues } from "./row-fields";

const stored = (gdsSeqno: number, extra: Partial<ManualRowRecord> = {}): ManualRowRecord => ({
  gdsSeqno,
  gdsMtno: `M${gdsSeqno}`,
  gdecd: "8542319000",
  gdsNm: "集成电路",
  endprdGdsSpcfModelDesc: null,
  dclUnitcd: "007",
  lawfUnitcd: "007",
  secdLawfUnitcd: null,
  dclUprcAmt: "1.25000",
  dclQty: "100.00000",
  dclCurrcd: "502",
  natcd: "142",
  lvyrlfModecd: "3",
  adjmtrMarkcd: "1",
  modfMarkcd: "0",
  ...extra,
});
const submitted = (gdsSeqno: number, modfMarkcd: "1" | "3", extra: object = {}) => ({
  modfMarkcd,
  gdsSeqno,
  gdsMtno: `M${gdsSeqno}`,
  gdecd: "8542319000",
  gdsNm: "集成电路",
  dclUnitcd: "007",
  lawfUnitcd: "007",
  dclUprcAmt: "1.25",
  dclQty: 100,
  dclCurrcd: "502",
  natcd: "142",
  lvyrlfModecd: "3",
  adjmtrMarkcd: "1",
  ...extra,
});

describe("change diff", () => {
  test("compares rows as pushed: equal decimals are unchanged, changed fields are named, odd marks are flagged", () => {
    const changes = ZMaterialChanges.parse([
      submitted(1, "1", { gdsNm: "集成电路（改）", dclQty: "3.5" }),
      { modfMarkcd: "2", gdsSeqno: 2 },
      submitted(3, "3"),
      submitted(4, "1"),
      { modfMarkcd: "2", gdsSeqno: 5 },
      submitted(6, "3"),
    ]);
    const before = new Map([stored(1), stored(2), stored(6)].map((row) => [row.gdsSeqno, rowValues(row, manualRowFields.materials)]));
    const diff = diffRows({ changes, before, fields: manualRowFields.materials });
    expect(diff.map((d) => [d.gdsSeqno, d.modfMarkcd, d.changedFields, d.warning])).toEqual([
      [1, "1", ["gdsNm", "dclQty"], null],
      [2, "2", [], null],
      [3, "3", manualRowFields.materials, null],
      [4, "1", manualRowFields.materials, "MISSING_ROW"],
      [5, "2", [], "MISSING_ROW"],
      [6, "3", [], "ROW_EXISTS"],
    ]);
    expect(diff[0].current?.dclQty).toBe("100.00000");
    expect(diff[0].proposed?.dclQty).toBe("3.50000");
    expect(diff[1].current?.gdsMtno).toBe("M2");
  });

  test("header fields: 变更次数 first, calendar dates as yyyyMMdd, unchanged values marked so, 申报类型 2 after a change", () => {
    const head = headValues({
      rcvgdEtpsNm: "加工单位",
      finishValidDate: new Date("2030-12-31T00:00:00Z"),
      chgTmsCnt: 3,
      dclTypecd: "1",
    } as ManualHeadRecord);
    const changes = ZHeadChanges.parse({ rcvgdEtpsNm: "加工单位", finishValidDate: "20311231" });
    expect(diffHead(head, changes, 4)).toEqual([
      { field: "chgTmsCnt", current: "3", proposed: "4", changed: true },
      { field: "rcvgdEtpsNm", current: "加工单位", proposed: "加工单位", changed: false },
      { field: "finishValidDate", current: "20301231", proposed: "20311231", changed: true },
      { field: "dclTypecd", current: "1", proposed: "2", changed: true },
    ]);
    // A manual already 变更 shows only its count; a submitted 申报类型 1 is shown becoming 2.
    const changed = { ...head, dclTypecd: "2" };
    expect(diffHead(changed, null, 4)).toEqual([{ field: "chgTmsCnt", current: "3", proposed: "4", changed: true }]);
    expect(diffHead(changed, ZHeadChanges.parse({ dclTypecd: "1" }), 4).at(-1)).toEqual({
      field: "dclTypecd",
      current: "2",
      proposed: "2",
      changed: false,
    });
  });
});
