// R15 delivery timing. DELIVERY_RETRY_SCHEDULE (seconds, comma-separated) replaces the default waits before
// each retry, e.g. "1,1,2" in tests; after the last wait's attempt fails the message is 下发失败.
export const DELIVERY_TIMEOUT_MS = 15_000;

const DEFAULT_RETRY_SCHEDULE_SECONDS = [10, 60, 300, 1_800, 7_200, 21_600];
const DEFAULT_PAUSED_RECHECK_SECONDS = 60;

export function deliveryRetryScheduleSeconds(): number[] {
  const configured = process.env.DELIVERY_RETRY_SCHEDULE?.trim();
  if (!configured) return DEFAULT_RETRY_SCHEDULE_SECONDS;
  const seconds = configured.split(",").map((part) => Number(part.trim()));
  if (seconds.some((s) => !Number.isInteger(s) || s < 0)) {
    throw new Error(`DELIVERY_RETRY_SCHEDULE must be whole seconds separated by commas, got "${configured}"`);
  }
  return seconds;
}

/** How long a message for a paused client waits before its client's status is looked at again. */
export function pausedClientRecheckSeconds(): number {
  const configured = Number(process.env.DELIVERY_PAUSED_RECHECK_SECONDS ?? DEFAULT_PAUSED_RECHECK_SECONDS);
  return Number.isInteger(configured) && configured > 0 ? configured : DEFAULT_PAUSED_RECHECK_SECONDS;
}
