import { getTranslations } from "next-intl/server";
import { ExportLink } from "@/components/admin/export-link";
import { FilterForm } from "@/components/admin/filter-form";
import { ReviewSubscriptionsTable } from "@/components/admin/review-subscriptions-table";
import { TwoWayPager } from "@/components/admin/two-way-pager";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requireAdmin } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { countSubscriptionsForReview, listSubscriptionsForReview, REVIEW_PAGE_SIZE } from "@/lib/review/list-subscriptions";
import { filterQuery, parseFilters, ZSubscriptionReviewFilters, type SearchParams } from "@/lib/validations/admin-filters";
import { pageParams } from "@/lib/validations/page-params";

export default async function AdminSubscriptionsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireAdmin();
  const t = await getTranslations("adminReview");
  const params = await searchParams;
  const { after, before, firstRow } = pageParams(params);
  const parsed = parseFilters(ZSubscriptionReviewFilters, params);
  const filters = parsed.ok ? parsed.filters : {};
  const [page, total] = parsed.ok
    ? await Promise.all([
        listSubscriptionsForReview({ db, filters: parsed.filters, after, before }),
        countSubscriptionsForReview({ db, filters: parsed.filters }),
      ])
    : [
        { rows: [], nextCursor: null, prevCursor: null },
        { count: 0, capped: false },
      ];
  // Back on the first page (上一页 may land there with fewer rows before it than a page), numbering starts at 1.
  const rowNumber = page.prevCursor ? firstRow : 1;
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("subscriptionsTitle")}</CardTitle>
        <CardDescription>{t("subscriptionsDescription")}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <FilterForm
          params={params}
          errors={parsed.ok ? undefined : parsed.errors}
          resetHref="/admin/subscriptions"
          fields={[
            { name: "customsCode", label: t("col.customsCode"), placeholder: t("customsCodePlaceholder") },
            { name: "emsNo", label: t("col.emsNo"), placeholder: t("emsNoPlaceholder") },
            {
              name: "kind",
              label: t("filterKind"),
              kind: "select",
              options: (["STOCK", "INCREMENTAL"] as const).map((k) => ({ value: k, label: t(`kind.${k}`) })),
            },
            {
              name: "status",
              label: t("col.status"),
              kind: "select",
              options: (["ACTIVE", "CANCELLED", "EXPIRED"] as const).map((s) => ({ value: s, label: t(`status.${s}`) })),
            },
            { name: "dateFrom", label: t("createdFrom"), kind: "date" },
            { name: "dateTo", label: t("createdTo"), kind: "date" },
          ]}
        >
          {parsed.ok && <ExportLink href={`/api/admin/export/subscriptions?${filterQuery(filters)}`} />}
        </FilterForm>
        <ReviewSubscriptionsTable rows={page.rows} firstRow={rowNumber} />
        <TwoWayPager basePath="/admin/subscriptions" filters={filters} page={page} firstRow={rowNumber} pageSize={REVIEW_PAGE_SIZE} total={total} />
      </CardContent>
    </Card>
  );
}
