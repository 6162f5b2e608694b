import { describe, expect, it } from "vitest";
import { parsePushLogParams } from "./push-log-params";

const now = new Date("2026-12-02T04:00:00Z");

describe("parsePushLogParams", () => {
  it("lists every manual of the last 7 days by default", () => {
    const params = parsePushLogParams({}, now);
    expect(params.query).toEqual({ from: "2026-11-26", to: "2026-12-02" });
    expect(params.error).toBeNull();
  });

  it("normalises the manual number and reads the subscription and message filters", () => {
    const params = parsePushLogParams({ emsNo: " e3201 2500001", subscriptionId: "42", messageId: "12345678901234567890", status: "FAILED" }, now);
    expect(params.query).toMatchObject({ emsNo: "E32012500001", subscriptionId: 42, messageId: "12345678901234567890", status: "FAILED" });
  });

  it("refuses a malformed filter by field and lists nothing", () => {
    for (const [params, field] of [
      [{ emsNo: "E320" }, "emsNo"],
      [{ messageId: "123" }, "messageId"],
      [{ subscriptionId: "x" }, "subscriptionId"],
      [{ from: "2026-12-05", to: "2026-12-01" }, "from"],
      [{ from: "12/01/2026" }, "from"],
    ] as const) {
      const parsed = parsePushLogParams(params, now);
      expect(parsed.query, field).toBeNull();
      expect(parsed.error?.field).toBe(field);
    }
  });
});
