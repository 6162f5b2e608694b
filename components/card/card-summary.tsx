"use client";

import { useTranslations } from "next-intl";
import type { CardInfo } from "@/lib/card";

/** The card as read: number, holder and kind, so the user sees which card is about to sign. */
export function CardSummary({ card }: { card: CardInfo }) {
  const t = useTranslations("card");
  const rows = [
    [t("cardNo"), card.cardNo],
    [t("holder"), card.holder],
    [t("kind"), t(`kinds.${card.kind}`)],
  ];
  return (
    <dl data-testid="card-summary" className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 rounded-md bg-muted px-4 py-3 text-sm">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-muted-foreground">{label}</dt>
          <dd className="font-medium">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
