import { describe, expect, test } from "vitest";
import {
  addDaysToDay,
  addYearsToDay,
  endOfShanghaiDay,
  formatShanghaiDateTime,
  isCalendarDay,
  parseShanghaiDateTime,
  shanghaiDay,
  startOfShanghaiDay,
} from "./shanghai";

describe("Shanghai calendar days", () => {
  test("end of day is 23:59:59 in Shanghai (15:59:59 UTC)", () => {
    expect(endOfShanghaiDay("2026-04-09").toISOString()).toBe("2026-04-09T15:59:59.000Z");
    expect(formatShanghaiDateTime(endOfShanghaiDay("2026-04-09"))).toBe("2026-04-09 23:59:59");
  });
  test("the Shanghai day differs from the UTC day after 16:00 UTC", () => {
    expect(shanghaiDay(new Date("2026-11-27T15:59:59Z"))).toBe("2026-11-27");
    expect(shanghaiDay(new Date("2026-11-27T16:00:00Z"))).toBe("2026-11-28");
  });
  test("one year later keeps the day, 29 Feb becomes 28 Feb", () => {
    expect(addYearsToDay("2026-11-27", 1)).toBe("2027-11-27");
    expect(addYearsToDay("2028-02-29", 1)).toBe("2029-02-28");
  });
  test("calendar day validation", () => {
    expect(isCalendarDay("2026-02-28")).toBe(true);
    expect(isCalendarDay("2026-02-30")).toBe(false);
    expect(isCalendarDay("2026-2-3")).toBe(false);
    expect(isCalendarDay("")).toBe(false);
  });
  test("start of day is 00:00 in Shanghai (16:00 UTC the day before)", () => {
    expect(startOfShanghaiDay("2026-04-09").toISOString()).toBe("2026-04-08T16:00:00.000Z");
  });
  test("days are added across month and year ends", () => {
    expect(addDaysToDay("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDaysToDay("2026-03-01", -1)).toBe("2026-02-28");
  });
  test("customs times are read as Shanghai time", () => {
    expect(parseShanghaiDateTime("2026-03-05 14:02:11")?.toISOString()).toBe("2026-03-05T06:02:11.000Z");
    expect(parseShanghaiDateTime("2026-02-30 10:00:00")).toBeNull();
    expect(parseShanghaiDateTime("2026-03-05 24:00:00")).toBeNull();
    expect(parseShanghaiDateTime("2026-03-05T14:02:11")).toBeNull();
  });
});
