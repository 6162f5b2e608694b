import { getTranslations } from "next-intl/server";

// The statement a card signed (docs/signing.md), exactly as signed: signed data in Chinese, in every language.
export async function SignedStatementText({ statement, format }: { statement: string | null; format?: string }) {
  const t = await getTranslations("adminReview.signature");
  if (!statement) return <p className="text-xs text-muted-foreground">{t("noStatement", { format: format ?? "canonical-json/1" })}</p>;
  return (
    <figure data-testid="signed-statement" className="grid gap-1">
      <figcaption className="text-xs text-muted-foreground">{t("statement")}</figcaption>
      <p lang="zh-CN" className="rounded-md bg-muted p-3 text-sm break-all">
        {statement}
      </p>
    </figure>
  );
}
