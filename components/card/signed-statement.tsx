"use client";

// What the card signs, shown above the PIN field: the Chinese statement exactly as signed and, in another
// language, its translation beside it (the translation is for reading; only the Chinese text is signed).
import { useLocale, useTranslations } from "next-intl";
import type { StatementPhrase } from "@/lib/signing/statement";

export function SignedStatement({ statement, phrases }: { statement: string; phrases: StatementPhrase[] }) {
  const t = useTranslations();
  const locale = useLocale();
  return (
    <figure data-testid="signed-statement" className="grid gap-1 rounded-md border bg-muted/40 px-3 py-2 text-sm">
      <figcaption className="text-xs text-muted-foreground">{t("card.statement")}</figcaption>
      <p lang="zh-CN" tabIndex={0} className="max-h-40 overflow-y-auto font-medium break-all">
        {statement}
      </p>
      {locale !== "zh-CN" && (
        <p className="text-xs text-muted-foreground">
          {t("card.statementTranslation")}: {phrases.map((phrase) => t(`statements.${phrase.key}`, phrase.values)).join("; ")}
        </p>
      )}
    </figure>
  );
}
