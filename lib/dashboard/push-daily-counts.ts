// Dashboard: push messages per Shanghai day of 下发时间 over the last days, by their dispatch status now. Test
// messages of 导入客户端管理 carry no data and are not counted.
import type { Db } from "@/lib/db/client";
import { addDaysToDay, shanghaiDay, startOfShanghaiDay } from "@/lib/time/shanghai";

export const DASHBOARD_DAYS = 14;

export interface DailyPushCount {
  day: string;
  delivered: number;
  failed: number;
  pending: number;
}

export async function pushDailyCounts(options: { db: Db; days?: number; now?: Date }): Promise<DailyPushCount[]> {
  const days = options.days ?? DASHBOARD_DAYS;
  const first = addDaysToDay(shanghaiDay(options.now ?? new Date()), 1 - days);
  const rows = await options.db.$queryRaw<DailyPushCount[]>`
    SELECT to_char("dispatchedAt" AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS day,
           count(*) FILTER (WHERE "dispatchStatus" = 'DELIVERED')::int AS delivered,
           count(*) FILTER (WHERE "dispatchStatus" = 'FAILED')::int AS failed,
           count(*) FILTER (WHERE "dispatchStatus" = 'PENDING')::int AS pending
      FROM "PushMessage"
     WHERE "dispatchedAt" >= ${startOfShanghaiDay(first)} AND "type" <> 'TEST'
     GROUP BY 1`;
  const byDay = new Map(rows.map((row) => [row.day, row]));
  return Array.from({ length: days }, (_, i) => {
    const day = addDaysToDay(first, i);
    return byDay.get(day) ?? { day, delivered: 0, failed: 0, pending: 0 };
  });
}
