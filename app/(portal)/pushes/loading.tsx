import { getTranslations } from "next-intl/server";

export default async function Loading() {
  const t = await getTranslations("common");
  return <p className="p-6 text-sm text-muted-foreground">{t("loading")}</p>;
}
