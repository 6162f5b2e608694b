import { describe, expect, test } from "vitest";
import { formatDecimal19_5, ZHeadChanges, ZManualChangeInput, ZMaterialChanges } from "@/lib/manuals/change-schema";

const added = { modfMarkcd: "3", gdsSeqno: 9, gdsMtno: "P9", gdecd: "8542319000", gdsNm: "芯片", dclUnitcd: "007", lawfUnitcd: "007" };

describe("manual change JSON", () => {
  test("decimals become the text PostgreSQL stores for numeric(19,5)", () => {
    expect(formatDecimal19_5("1.25")).toBe("1.25000");
    expect(formatDecimal19_5("007")).toBe("7.00000");
    expect(formatDecimal19_5("-0.0")).toBe("0.00000");
    expect(formatDecimal19_5("-12.345")).toBe("-12.34500");
    expect(() => formatDecimal19_5("1.234567")).toThrow();
    expect(() => formatDecimal19_5("1e5")).toThrow();
  });

  test("rows: 1/3 carry the whole row with normalised decimals, 2 names the serial number", () => {
    const [row, deleted] = ZMaterialChanges.parse([
      { ...added, dclQty: 2.5, dclUprcAmt: "0.1", secdLawfUnitcd: "" },
      { modfMarkcd: "2", gdsSeqno: 3 },
    ]);
    expect(row).toMatchObject({ modfMarkcd: "3", dclQty: "2.50000", dclUprcAmt: "0.10000", secdLawfUnitcd: null, adjmtrMarkcd: null });
    expect(deleted).toEqual({ modfMarkcd: "2", gdsSeqno: 3 });
    expect(ZMaterialChanges.safeParse([{ ...added, modfMarkcd: "0" }]).success).toBe(false);
    expect(ZMaterialChanges.safeParse([added, { modfMarkcd: "2", gdsSeqno: 9 }]).success).toBe(false);
    expect(ZMaterialChanges.safeParse([{ ...added, dclQty: "1.000001" }]).success).toBe(false);
  });

  test("header changes: only the fields named, dates as calendar dates, unknown fields refused", () => {
    expect(ZHeadChanges.parse({ rcvgdEtpsNm: "新加工单位", finishValidDate: "20311231" })).toEqual({
      rcvgdEtpsNm: "新加工单位",
      finishValidDate: new Date("2031-12-31T00:00:00Z"),
    });
    expect(ZHeadChanges.safeParse({ emsNo: "E53002500009" }).success).toBe(false);
    expect(ZHeadChanges.safeParse({ finishValidDate: "20310230" }).success).toBe(false);
  });

  test("the upstream input defaults empty lists and drops an empty header change", () => {
    expect(ZManualChangeInput.parse({ emsNo: "E53002500001", chgTmsCnt: 2, headChanges: {} })).toEqual({
      emsNo: "E53002500001",
      chgTmsCnt: 2,
      headChanges: null,
      materialChanges: [],
      productChanges: [],
    });
  });
});
