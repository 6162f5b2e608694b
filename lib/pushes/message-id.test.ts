import { describe, expect, test } from "vitest";
import { formatMessageId, messageIdYear } from "@/lib/pushes/message-id";
import { formatCalendarDate } from "@/lib/time/shanghai";
import { ZMessageId } from "@/lib/validations/identifiers";

describe("message ids (R14)", () => {
  test("are the year followed by 16 zero-padded digits of the sequence", () => {
    expect(formatMessageId({ year: 2026, sequence: 123n })).toBe("20260000000000000123");
    expect(formatMessageId({ year: 2026, sequence: 9_999_999_999_999_999n })).toBe("20269999999999999999");
    expect(ZMessageId.safeParse(formatMessageId({ year: 2026, sequence: 1n })).success).toBe(true);
  });

  test("refuse values that would not give 20 digits", () => {
    expect(() => formatMessageId({ year: 2026, sequence: 10_000_000_000_000_000n })).toThrow();
    expect(() => formatMessageId({ year: 2026, sequence: 0n })).toThrow();
    expect(() => formatMessageId({ year: 999, sequence: 1n })).toThrow();
  });

  test("take the year in Asia/Shanghai", () => {
    expect(messageIdYear(new Date("2025-12-31T15:59:59Z"))).toBe(2025);
    expect(messageIdYear(new Date("2025-12-31T16:00:00Z"))).toBe(2026);
  });

  test("the shared identifier schema accepts exactly 20 digits", () => {
    expect(ZMessageId.safeParse("2026000000000000012").success).toBe(false);
    expect(ZMessageId.safeParse("2026000000000000012a").success).toBe(false);
    expect(ZMessageId.safeParse("20260000000000000123").success).toBe(true);
  });
});

describe("calendar dates", () => {
  test("are written yyyyMMdd without a zone shift", () => {
    expect(formatCalendarDate(new Date("2030-12-31T00:00:00Z"))).toBe("20301231");
  });
});
