import { getTranslations } from "next-intl/server";

// The loading state of a portal page; each page segment re-exports it as its loading.tsx.
export default async function PageLoading() {
  const t = await getTranslations("common");
  return (
    <p role="status" className="p-6 text-sm text-muted-foreground">
      {t("loading")}
    </p>
  );
}
