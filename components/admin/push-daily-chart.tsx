import { getTranslations } from "next-intl/server";
import type { DailyPushCount } from "@/lib/dashboard/push-daily-counts";

const WIDTH = 700;
const HEIGHT = 220;
const PAD = { top: 16, right: 8, bottom: 28, left: 36 };

/** A round scale maximum (1, 2, 5 × 10ⁿ) at or above the largest day. */
function scaleMax(value: number): number {
  if (value <= 5) return 5;
  const power = 10 ** Math.floor(Math.log10(value));
  return ([1, 2, 5, 10].find((step) => step * power >= value) ?? 10) * power;
}

// Data messages per day of 下发时间 as stacked bars (下发成功, 下发失败, 待下发 from the bottom: every message of
// the day, by its status now; test messages are not counted, lib/dashboard/push-daily-counts.ts), plain SVG; the
// same numbers follow as a table for screen readers.
export async function PushDailyChart({ days }: { days: DailyPushCount[] }) {
  const t = await getTranslations("adminDashboard");
  const max = scaleMax(Math.max(...days.map((d) => d.delivered + d.failed + d.pending), 0));
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const slot = (WIDTH - PAD.left - PAD.right) / days.length;
  const barWidth = Math.min(28, slot * 0.6);
  const y = (value: number) => PAD.top + plotHeight - (value / max) * plotHeight;
  return (
    <figure className="grid gap-2">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="w-full" role="img" aria-label={t("chartLabel")}>
        {(max % 2 === 0 ? [0, max / 2, max] : [0, max]).map((tick) => (
          <g key={tick}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(tick)} y2={y(tick)} stroke="var(--border)" />
            <text x={PAD.left - 6} y={y(tick) + 4} textAnchor="end" fontSize="11" fill="var(--muted-foreground)">
              {tick}
            </text>
          </g>
        ))}
        {days.map((day, i) => {
          const x = PAD.left + i * slot + (slot - barWidth) / 2;
          return (
            <g key={day.day}>
              <title>{t("barTitle", { day: day.day, delivered: day.delivered, failed: day.failed, pending: day.pending })}</title>
              <rect x={x} width={barWidth} y={y(day.delivered)} height={y(0) - y(day.delivered)} fill="var(--success)" />
              <rect
                x={x}
                width={barWidth}
                y={y(day.delivered + day.failed)}
                height={y(day.delivered) - y(day.delivered + day.failed)}
                fill="var(--destructive)"
              />
              <rect
                x={x}
                width={barWidth}
                y={y(day.delivered + day.failed + day.pending)}
                height={y(day.delivered + day.failed) - y(day.delivered + day.failed + day.pending)}
                fill="var(--warning)"
              />
              <text x={x + barWidth / 2} y={HEIGHT - 10} textAnchor="middle" fontSize="10" fill="var(--muted-foreground)">
                {day.day.slice(5)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="flex gap-4 text-xs text-muted-foreground">
        <span className="flex items-center gap-1.5">
          <span className="size-3 rounded-sm bg-success" />
          {t("delivered")}
        </span>
        <span className="flex items-center gap-1.5">
          <span className="size-3 rounded-sm bg-destructive" />
          {t("failed")}
        </span>
        <span className="flex items-center gap-1.5">
          <span className="size-3 rounded-sm bg-warning" />
          {t("pending")}
        </span>
      </figcaption>
      <table className="sr-only">
        <caption>{t("chartLabel")}</caption>
        <thead>
          <tr>
            <th>{t("day")}</th>
            <th>{t("delivered")}</th>
            <th>{t("failed")}</th>
            <th>{t("pending")}</th>
          </tr>
        </thead>
        <tbody>
          {days.map((day) => (
            <tr key={day.day}>
              <td>{day.day}</td>
              <td>{day.delivered}</td>
              <td>{day.failed}</td>
              <td>{day.pending}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
