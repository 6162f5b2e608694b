// When a paused client is probed next (probe.ts): 5 minutes after the pause, then after as long again as it has
// been paused, so the interval doubles (5, 10, 20, 40 min) up to an hour: a short outage is noticed soon, and a
// client that is gone for days costs one attempt an hour.
export const FIRST_PROBE_MINUTES = 5;
export const MAX_PROBE_INTERVAL_MINUTES = 60;

export function nextProbeAt(options: { pausedAt: Date | null; now: Date }): Date {
  const { now } = options;
  const pausedFor = options.pausedAt ? now.getTime() - options.pausedAt.getTime() : 0;
  const interval = Math.min(Math.max(pausedFor, FIRST_PROBE_MINUTES * 60_000), MAX_PROBE_INTERVAL_MINUTES * 60_000);
  return new Date(now.getTime() + interval);
}
