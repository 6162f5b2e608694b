import { getTranslations } from "next-intl/server";
import { AuditTable } from "@/components/admin/audit-table";
import { FilterForm } from "@/components/admin/filter-form";
import { KeysetPager } from "@/components/admin/keyset-pager";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { auditActions } from "@/lib/audit/log";
import { listAuditEntries } from "@/lib/audit/list-entries";
import { requireAdmin } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { parseFilters, ZAuditFilters, type SearchParams } from "@/lib/validations/admin-filters";
import { pageParams } from "@/lib/validations/page-params";

export default async function AdminAuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireAdmin();
  const t = await getTranslations("audit");
  const params = await searchParams;
  const { after } = pageParams(params);
  const parsed = parseFilters(ZAuditFilters, params);
  const filters = parsed.ok ? parsed.filters : {};
  const page = parsed.ok ? await listAuditEntries({ db, filters: parsed.filters, after }) : { rows: [], nextCursor: null };
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
          resetHref="/admin/audit"
          fields={[
            { name: "action", label: t("col.action"), kind: "select", options: auditActions.map((a) => ({ value: a, label: t(`action.${a}`) })) },
            {
              name: "outcome",
              label: t("col.outcome"),
              kind: "select",
              options: (["OK", "REFUSED"] as const).map((o) => ({ value: o, label: t(`outcome.${o}`) })),
            },
            { name: "customsCode", label: t("col.customsCode"), placeholder: t("customsCodePlaceholder") },
            { name: "account", label: t("col.account"), placeholder: t("accountPlaceholder") },
            { name: "dateFrom", label: t("dateFrom"), kind: "date" },
            { name: "dateTo", label: t("dateTo"), kind: "date" },
          ]}
        />
        <AuditTable rows={page.rows} />
        <KeysetPager basePath="/admin/audit" filters={filters} isFirstPage={!after} nextCursor={page.nextCursor} />
      </CardContent>
    </Card>
  );
}
