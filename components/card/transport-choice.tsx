"use client";

import { Loader2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { Label } from "@/components/ui/label";
import { RadioGroup, RadioGroupItem } from "@/components/ui/radio-group";
import type { CardTransportKind, TransportStatus } from "@/lib/card";
import { isTransportSelectable, transportHint } from "./signing-flow";

/** The detected transports as a radio choice, the preferred one preselected by the caller. */
export function TransportChoice({
  transports,
  value,
  onChange,
}: {
  transports: TransportStatus[] | null;
  value: CardTransportKind | null;
  onChange: (kind: CardTransportKind) => void;
}) {
  const t = useTranslations("card");
  if (!transports) {
    return (
      <p className="flex items-center gap-2 text-sm text-muted-foreground">
        <Loader2 className="size-4 animate-spin" />
        {t("detecting")}
      </p>
    );
  }
  return (
    <RadioGroup aria-label={t("transport")} value={value ?? ""} onValueChange={(kind) => onChange(kind as CardTransportKind)} className="gap-2">
      {transports.map((status) => {
        const id = `card-transport-${status.kind}`;
        return (
          <div key={status.kind} className="flex items-center gap-3">
            <RadioGroupItem id={id} value={status.kind} disabled={!isTransportSelectable(status)} />
            <Label htmlFor={id} className="font-normal">
              {t(`transports.${status.kind}`)}
            </Label>
            <span className="text-xs text-muted-foreground">{t(`transportHints.${transportHint(status)}`)}</span>
          </div>
        );
      })}
    </RadioGroup>
  );
}
