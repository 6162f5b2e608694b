import { getTranslations } from "next-intl/server";
import { ExportLink } from "@/components/admin/export-link";
import { FilterForm } from "@/components/admin/filter-form";
import { KeysetPager } from "@/components/admin/keyset-pager";
import { ReviewPushMessagesTable } from "@/components/admin/review-push-messages-table";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requireAdmin } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { listPushMessagesForReview } from "@/lib/review/list-push-messages";
import { filterQuery, parseFilters, ZPushMessageReviewFilters, type SearchParams } from "@/lib/validations/admin-filters";
import { pageParams } from "@/lib/validations/page-params";

export default async function AdminPushMessagesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireAdmin();
  const t = await getTranslations("adminReview");
  const params = await searchParams;
  const { after, firstRow } = pageParams(params);
  const parsed = parseFilters(ZPushMessageReviewFilters, params);
  const filters = parsed.ok ? parsed.filters : {};
  const page = parsed.ok ? await listPushMessagesForReview({ db, filters: parsed.filters, after }) : { rows: [], nextCursor: null };
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
          {parsed.ok && <ExportLink href={`/api/admin/export/push-messages?${filterQuery(filters)}`} />}
        </FilterForm>
        <ReviewPushMessagesTable rows={page.rows} firstRow={firstRow} />
        <KeysetPager
          basePath="/admin/push-messages"
          filters={filters}
          isFirstPage={!after}
          nextCursor={page.nextCursor}
          nextRow={firstRow + page.rows.length}
        />
      </CardContent>
    </Card>
  );
}
