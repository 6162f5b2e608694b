// Calendar days in Asia/Shanghai, whatever the server's zone: validity (R7) is chosen as a day and stored
// as that day's 23:59:59 in Shanghai.
import { TZDate, tz } from "@date-fns/tz";
import { addYears, format } from "date-fns";

export const SHANGHAI = "Asia/Shanghai";
const shanghai = tz(SHANGHAI);

/** `yyyy-MM-dd` of `at` in Shanghai. */
export function shanghaiDay(at: Date = new Date()): string {
  return format(at, "yyyy-MM-dd", { in: shanghai });
}

/** The last second (23:59:59) of a Shanghai calendar day given as `yyyy-MM-dd`. */
export function endOfShanghaiDay(day: string): Date {
  const [y, m, d] = day.split("-").map(Number);
  return new Date(new TZDate(y, m - 1, d, 23, 59, 59, 0, SHANGHAI).getTime());
}

/** The same calendar day `years` later (29 Feb → 28 Feb). */
export function addYearsToDay(day: string, years: number): string {
  const [y, m, d] = day.split("-").map(Number);
  return format(addYears(new Date(Date.UTC(y, m - 1, d, 12)), years), "yyyy-MM-dd", { in: tz("UTC") });
}

/** `yyyy-MM-dd HH:mm:ss` in Shanghai, as the portal shows times (e.g. 有效期 `2026-04-09 23:59:59`). */
export function formatShanghaiDateTime(at: Date): string {
  return format(at, "yyyy-MM-dd HH:mm:ss", { in: shanghai });
}

/** `HH:mm` in Shanghai, for a time later today (e.g. when a locked sign-in may be tried again). */
export function formatShanghaiTime(at: Date): string {
  return format(at, "HH:mm", { in: shanghai });
}

/** True for a real calendar day written as `yyyy-MM-dd`. */
export function isCalendarDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = value.split("-").map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** The first instant (00:00:00.000) of a Shanghai calendar day given as `yyyy-MM-dd`. */
export function startOfShanghaiDay(day: string): Date {
  const [y, m, d] = day.split("-").map(Number);
  return new Date(new TZDate(y, m - 1, d, 0, 0, 0, 0, SHANGHAI).getTime());
}

/** The calendar day `days` after (or before, when negative) a `yyyy-MM-dd` day. */
export function addDaysToDay(day: string, days: number): string {
  const [y, m, d] = day.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** `yyyy-MM-dd HH:mm:ss` read as Shanghai time, as customs systems write times; null when it is no real time. */
export function parseShanghaiDateTime(text: string): Date | null {
  const match = /^(\d{4}-\d{2}-\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(text);
  if (!match || !isCalendarDay(match[1])) return null;
  const [hours, minutes, seconds] = [Number(match[2]), Number(match[3]), Number(match[4])];
  if (hours > 23 || minutes > 59 || seconds > 59) return null;
  return new Date(startOfShanghaiDay(match[1]).getTime() + ((hours * 60 + minutes) * 60 + seconds) * 1000);
}

/** Instants from the start of day `from` to the end of day `to` (either may be open), as a Prisma filter. */
export function shanghaiDaysFilter(range: { from?: string; to?: string }): { gte?: Date; lt?: Date } | undefined {
  if (!range.from && !range.to) return undefined;
  return {
    ...(range.from ? { gte: startOfShanghaiDay(range.from) } : {}),
    ...(range.to ? { lt: startOfShanghaiDay(addDaysToDay(range.to, 1)) } : {}),
  };
}

/** `yyyyMMdd` of a date-only value (FinishValidDate): Prisma reads @db.Date at UTC midnight, so no zone shift. */
export function formatCalendarDate(date: Date): string {
  return date.toISOString().slice(0, 10).replaceAll("-", "");
}
