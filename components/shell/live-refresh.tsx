"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

// While something on the page is in flight (a stock push being built, messages 待下发), the server components
// are re-rendered in place (router.refresh: no reload, scroll and form input kept). Nothing in flight: no
// polling at all. Fast at first, slower later, and it gives up after a while (a paused client's messages can
// wait for hours; 刷新 is still there); never while the tab is hidden.
const FAST_MS = 2_000;
const SLOW_MS = 10_000;
const FAST_FOR_MS = 30_000;
const GIVE_UP_AFTER_MS = 15 * 60_000;

export function LiveRefresh({ active }: { active: boolean }) {
  const router = useRouter();
  useEffect(() => {
    if (!active) return;
    const started = Date.now();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const schedule = () => {
      const elapsed = Date.now() - started;
      if (elapsed > GIVE_UP_AFTER_MS) return;
      timer = setTimeout(tick, elapsed < FAST_FOR_MS ? FAST_MS : SLOW_MS);
    };
    const tick = () => {
      if (document.visibilityState === "visible") router.refresh();
      schedule();
    };
    schedule();
    return () => clearTimeout(timer);
  }, [active, router]);
  return null;
}
