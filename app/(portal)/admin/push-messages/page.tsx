import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { ExportLink } from "@/components/admin/export-link";
import { FilterForm } from "@/components/admin/filter-form";
import { ReviewPushMessagesTable } from "@/components/admin/review-push-messages-table";
import { TwoWayPager } from "@/components/admin/two-way-pager";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requireAdmin } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { countPushMessagesForReview, listPushMessagesForReview } from "@/lib/review/list-push-messages";
import { REVIEW_PAGE_SIZE } from "@/lib/review/list-subscriptions";
import { filterQuery, parseFilters, ZPushMessageReviewFilters, type SearchParams } from "@/lib/validations/admin-filters";
import { pageParams } from "@/lib/validations/page-params";

export default async function AdminPushMessagesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireAdmin();
  const t = await getTranslations("adminReview");
  const params = await searchParams;
  const { after, before, firstRow } = pageParams(params);
  const parsed = parseFilters(ZPushMessageReviewFilters, params);
  const filters = parsed.ok ? parsed.filters : {};
  const [page, total] = parsed.ok
    ? await Promise.all([
        listPushMessagesForReview({ db, filters: parsed.filters, after, before }),
        countPushMessagesForReview({ db, filters: parsed.filters }),
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
        <CardTitle>{t("pushMessagesTitle")}</CardTitle>
        <CardDescription>{t("pushMessagesDescription")}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <FilterForm
          params={params}
          errors={parsed.ok ? undefined : parsed.errors}
          resetHref="/admin/push-messages"
          fields={[
            { name: "customsCode", label: t("col.customsCode"), placeholder: t("customsCodePlaceholder") },
            { name: "emsNo", label: t("col.emsNo"), placeholder: t("emsNoPlaceholder") },
            { name: "messageId", label: t("col.messageId"), className: "w-52" },
            { name: "clientId", label: t("col.clientId"), placeholder: t("clientIdPlaceholder") },
            {
              name: "type",
              label: t("col.messageType"),
              kind: "select",
              options: (["DATA", "STOCK", "INCREMENT", "TEST"] as const).map((k) => ({ value: k, label: t(`messageType.${k}`) })),
            },
            {
              name: "status",
              label: t("col.dispatchStatus"),
              kind: "select",
              options: (["PENDING", "DELIVERED", "FAILED"] as const).map((s) => ({ value: s, label: t(`dispatchStatus.${s}`) })),
            },
            { name: "dateFrom", label: t("dispatchedFrom"), kind: "date" },
            { name: "dateTo", label: t("dispatchedTo"), kind: "date" },
          ]}
        >
          {filters.subscriptionId && <input type="hidden" name="subscriptionId" value={filters.subscriptionId} />}
          {filters.manualChangeId && <input type="hidden" name="manualChangeId" value={filters.manualChangeId} />}
          {parsed.ok && <ExportLink href={`/api/admin/export/push-messages?${filterQuery(filters)}`} />}
        </FilterForm>
        {filters.manualChangeId && (
          <p className="text-sm" data-testid="change-filter">
            {t.rich("ofChange", {
              change: (text) => (
                <Link className="text-primary underline-offset-4 hover:underline" href={`/admin/changes/${filters.manualChangeId}`}>
                  {text}
                </Link>
              ),
              id: filters.manualChangeId,
            })}
          </p>
        )}
        <ReviewPushMessagesTable rows={page.rows} firstRow={rowNumber} />
        <TwoWayPager basePath="/admin/push-messages" filters={filters} page={page} firstRow={rowNumber} pageSize={REVIEW_PAGE_SIZE} total={total} />
      </CardContent>
    </Card>
  );
}
