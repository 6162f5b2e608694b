"use client";

import { useTranslations } from "next-intl";
import { useLayoutEffect, useRef, useState } from "react";
import { cn } from "@/lib/utils";

// Long text in a fixed-width table cell: clamped to a few lines, with 展开 / 收起 when it does not fit, so it is
// never cut off for good.
export function ExpandableText({ children, lines = 3, className }: { children: React.ReactNode; lines?: 2 | 3 | 4; className?: string }) {
  const t = useTranslations("common");
  const box = useRef<HTMLDivElement>(null);
  const [overflows, setOverflows] = useState(false);
  const [expanded, setExpanded] = useState(false);
  useLayoutEffect(() => {
    const element = box.current;
    if (!element || expanded) return;
    // The observer reports once at once, then whenever the cell's width changes the wrapping.
    const observer = new ResizeObserver(() => setOverflows(element.scrollHeight > element.clientHeight + 1));
    observer.observe(element);
    return () => observer.disconnect();
  }, [expanded]);
  return (
    <div className={cn("grid justify-items-start gap-0.5", className)}>
      <div ref={box} className={cn("break-words", !expanded && clamp[lines])} data-expanded={expanded}>
        {children}
      </div>
      {(overflows || expanded) && (
        <button
          type="button"
          className="text-xs text-primary underline-offset-4 hover:underline"
          aria-expanded={expanded}
          onClick={() => setExpanded(!expanded)}
        >
          {t(expanded ? "collapse" : "expand")}
        </button>
      )}
    </div>
  );
}

const clamp = { 2: "line-clamp-2", 3: "line-clamp-3", 4: "line-clamp-4" } as const;
