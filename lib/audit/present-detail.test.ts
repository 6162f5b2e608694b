import { describe, expect, test } from "vitest";
import { presentDetail } from "./present-detail";

describe("详情 of an audit entry", () => {
  test("instants are shown in Shanghai time, every field in full", () => {
    const detail = { from: "2027-06-30T15:59:59.000Z", to: "2027-09-30T15:59:59.000Z", messageIds: ["20260000000000000001", "20260000000000000002"] };
    expect(presentDetail({ outcome: "OK", detail }, "zh-CN")).toEqual({
      refusal: null,
      fields: [
        { key: "from", value: "2027-06-30 23:59:59" },
        { key: "to", value: "2027-09-30 23:59:59" },
        { key: "messageIds", value: "20260000000000000001、20260000000000000002" },
      ],
    });
  });

  test("a refusal key is rendered in the admin's language with its values; old prose is shown as it is", () => {
    const coded = { outcome: "REFUSED", detail: { reason: "subscriptions.rangeTooLarge", values: { table: "material", max: 10000 } } };
    expect(presentDetail(coded, "zh-CN")).toEqual({ refusal: "料件序号范围每次最多 10000 条，请分多次订阅", fields: [] });
    expect(presentDetail(coded, "en").refusal).toContain("10000 material serial numbers");
    expect(presentDetail({ outcome: "REFUSED", detail: { reason: "仅海关管理员可以办理此业务" } }, "en")).toEqual({
      refusal: "仅海关管理员可以办理此业务",
      fields: [],
    });
  });

  test("an admin's own reason on a successful act is a field, not a refusal", () => {
    expect(presentDetail({ outcome: "OK", detail: { reason: "auth.adminOnly", emsNo: "E32012500001" } }, "zh-CN")).toEqual({
      refusal: null,
      fields: [
        { key: "reason", value: "auth.adminOnly" },
        { key: "emsNo", value: "E32012500001" },
      ],
    });
    expect(presentDetail({ outcome: "OK", detail: null }, "zh-CN")).toEqual({ refusal: null, fields: [] });
    expect(presentDetail({ outcome: "OK", detail: { filters: { dateTo: "2026-12-02" } } }, "zh-CN").fields).toEqual([
      { key: "filters", value: '{"dateTo":"2026-12-02"}' },
    ]);
  });
});
