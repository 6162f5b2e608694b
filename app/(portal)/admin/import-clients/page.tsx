import { getTranslations } from "next-intl/server";
import { ClientHealthTable } from "@/components/admin/client-health-table";
import { FilterForm } from "@/components/admin/filter-form";
import { KeysetPager } from "@/components/admin/keyset-pager";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requireAdmin } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { listClientHealth } from "@/lib/review/client-health";
import { parseFilters, ZClientHealthFilters, type SearchParams } from "@/lib/validations/admin-filters";
import { pageParams } from "@/lib/validations/page-params";

export default async function AdminImportClientsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireAdmin();
  const t = await getTranslations("adminClients");
  const review = await getTranslations("adminReview");
  const params = await searchParams;
  const { after } = pageParams(params);
  const parsed = parseFilters(ZClientHealthFilters, params);
  const filters = parsed.ok ? parsed.filters : {};
  const page = parsed.ok ? await listClientHealth({ db, filters: parsed.filters, after }) : { rows: [], nextCursor: null };
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
        <CardDescription>{t("description")}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <FilterForm
          params={params}
          errors={parsed.ok ? undefined : parsed.errors}
          resetHref="/admin/import-clients"
          fields={[
            { name: "customsCode", label: review("col.customsCode"), placeholder: review("customsCodePlaceholder") },
            { name: "clientId", label: review("col.clientId"), placeholder: review("clientIdPlaceholder") },
            {
              name: "health",
              label: t("col.health"),
              kind: "select",
              options: (["FAILING", "PAUSED", "HEALTHY"] as const).map((h) => ({ value: h, label: t(`filterHealth.${h}`) })),
            },
          ]}
        />
        <p className="text-xs text-muted-foreground">{t("figures")}</p>
        <ClientHealthTable rows={page.rows} emptyText={t("empty")} />
        <KeysetPager basePath="/admin/import-clients" filters={filters} isFirstPage={!after} nextCursor={page.nextCursor} />
      </CardContent>
    </Card>
  );
}
