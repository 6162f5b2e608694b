"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { coveringRanges } from "@/lib/subscriptions/covering-ranges";
import { MAX_RANGE_SIZE } from "@/lib/validations/subscription";

// A table over R4's 10,000 rows is subscribed range by range: offer the ranges that cover it, one click each.
export function CoveringRanges(props: { table: string; count: number; maxSeqno: number; onChoose: (from: number, to: number) => void }) {
  const t = useTranslations("subscriptions");
  if (props.maxSeqno <= MAX_RANGE_SIZE) return null;
  return (
    <div className="grid gap-1.5 rounded-md bg-muted/50 p-2 text-xs" data-testid="covering-ranges">
      <span>{t("coveringRanges", { table: props.table, count: props.count, size: MAX_RANGE_SIZE })}</span>
      <div className="flex flex-wrap gap-1">
        {coveringRanges(props.maxSeqno).map(({ from, to }) => (
          <Button key={from} type="button" variant="outline" size="sm" className="h-7 font-mono text-xs" onClick={() => props.onChoose(from, to)}>
            {from}-{to}
          </Button>
        ))}
      </div>
    </div>
  );
}
