import { describe, expect, test } from "vitest";
import { nextProbeAt } from "./probe-schedule";

const minutes = (n: number) => n * 60_000;

describe("probe back-off", () => {
  test("5 minutes after the pause, then doubling up to an hour", () => {
    const pausedAt = new Date("2026-12-01T00:00:00Z");
    const intervals: number[] = [];
    let now = pausedAt;
    for (let i = 0; i < 7; i++) {
      const next = nextProbeAt({ pausedAt, now });
      intervals.push((next.getTime() - now.getTime()) / 60_000);
      now = next;
    }
    expect(intervals).toEqual([5, 5, 10, 20, 40, 60, 60]);
  });

  test("a client paused without a pause time is probed 5 minutes on", () => {
    const now = new Date("2026-12-01T00:00:00Z");
    expect(nextProbeAt({ pausedAt: null, now }).getTime() - now.getTime()).toBe(minutes(5));
  });
});
