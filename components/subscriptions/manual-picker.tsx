"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/utils";
import type { PickerManual } from "./picker-types";

// 账册号 without guessing: the manuals of which the enterprise is the processing unit, with their sizes and
// last change. Typing a number stays possible (a manual beyond the list's limit, or one known by heart).
export function ManualPicker({
  manuals,
  limited,
  selected,
  onPick,
}: {
  manuals: PickerManual[];
  limited: boolean;
  selected: string;
  onPick: (emsNo: string) => void;
}) {
  const t = useTranslations("subscriptions");
  const [open, setOpen] = useState(false);
  return (
    <div className="grid gap-1">
      <Button type="button" variant="link" size="sm" className="h-auto justify-self-start px-0" aria-expanded={open} onClick={() => setOpen(!open)}>
        {t("pickManual")}
      </Button>
      {open && (
        <div role="listbox" aria-label={t("manualPickerLabel")} className="grid max-h-64 gap-0.5 overflow-y-auto rounded-md border p-1">
          {manuals.length === 0 && <p className="p-2 text-sm text-muted-foreground">{t("noManuals")}</p>}
          {manuals.map((manual) => (
            <button
              type="button"
              role="option"
              aria-selected={manual.emsNo === selected}
              key={manual.emsNo}
              onClick={() => {
                onPick(manual.emsNo);
                setOpen(false);
              }}
              className={cn(
                "grid gap-0.5 rounded px-2 py-1.5 text-left text-sm hover:bg-muted focus-visible:bg-muted",
                manual.emsNo === selected && "bg-accent",
              )}
            >
              <span className="font-mono">{manual.emsNo}</span>
              <span className="text-xs text-muted-foreground">
                {t("manualSizes", { materials: manual.materialCount, products: manual.productCount, at: manual.lastChangedAt })}
              </span>
            </button>
          ))}
          {limited && <p className="p-2 text-xs text-muted-foreground">{t("moreManuals", { count: manuals.length })}</p>}
        </div>
      )}
    </div>
  );
}
