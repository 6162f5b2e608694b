"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import type { VirtualCardReader } from "./virtual-card-slot";

/** Development and tests: which demo card sits in the virtual reader (any enterprise, to try refusals too). */
export function VirtualCardPicker({ reader }: { reader: VirtualCardReader }) {
  const t = useTranslations("card");
  const [inserted, setInserted] = useState(reader.slot.card?.card.cardNo ?? "");
  const insert = (cardNo: string) => {
    reader.slot.insert(cardNo);
    setInserted(cardNo);
  };
  return (
    <div className="grid gap-2">
      <Label htmlFor="virtual-card">{t("virtualCard")}</Label>
      <Select value={inserted} onValueChange={insert}>
        <SelectTrigger id="virtual-card" className="w-full">
          <SelectValue />
        </SelectTrigger>
        <SelectContent>
          {reader.cards.map((card) => (
            <SelectItem key={card.cardNo} value={card.cardNo}>
              {card.cardNo} {card.holder} · {t(`kinds.${card.kind}`)} · {card.enterpriseCustomsCode}
            </SelectItem>
          ))}
        </SelectContent>
      </Select>
    </div>
  );
}
