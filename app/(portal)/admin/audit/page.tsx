import { getTranslations } from "next-intl/server";
import { AuditTable } from "@/components/admin/audit-table";
import { FilterForm } from "@/components/admin/filter-form";
import { TwoWayPager } from "@/components/admin/two-way-pager";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { auditActions } from "@/lib/audit/log";
import { AUDIT_PAGE_SIZE, countAuditEntries, listAuditEntries } from "@/lib/audit/list-entries";
import { auditTargetTypes } from "@/lib/audit/targets";
import { requireAdmin } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { parseFilters, ZAuditFilters, type SearchParams } from "@/lib/validations/admin-filters";
import { pageParams } from "@/lib/validations/page-params";

export default async function AdminAuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireAdmin();
  const t = await getTranslations("audit");
  const params = await searchParams;
  const { after, before, firstRow } = pageParams(params);
  const parsed = parseFilters(ZAuditFilters, params);
  const filters = parsed.ok ? parsed.filters : {};
  const [page, total] = parsed.ok
    ? await Promise.all([listAuditEntries({ db, filters: parsed.filters, after, before }), countAuditEntries({ db, filters: parsed.filters })])
    : [
        { rows: [], nextCursor: null, prevCursor: null },
        { count: 0, capped: false },
      ];
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
            {
              name: "targetType",
              label: t("targetTypeFilter"),
              kind: "select",
              options: auditTargetTypes.map((type) => ({ value: type, label: t(`targetType.${type}`) })),
            },
            { name: "targetId", label: t("targetIdFilter"), placeholder: t("targetIdPlaceholder"), className: "w-48" },
            { name: "dateFrom", label: t("dateFrom"), kind: "date" },
            { name: "dateTo", label: t("dateTo"), kind: "date" },
          ]}
        />
        <AuditTable rows={page.rows} trail={filters.targetId ? { type: filters.targetType, id: filters.targetId } : undefined} />
        <TwoWayPager
          basePath="/admin/audit"
          filters={filters}
          page={page}
          firstRow={page.prevCursor ? firstRow : 1}
          pageSize={AUDIT_PAGE_SIZE}
          total={total}
        />
      </CardContent>
    </Card>
  );
}
