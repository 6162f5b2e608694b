import { getTranslations } from "next-intl/server";
import { CardsTable } from "@/components/admin/cards-table";
import { FilterForm } from "@/components/admin/filter-form";
import { KeysetPager } from "@/components/admin/keyset-pager";
import { RegisterCardForm } from "@/components/admin/register-card-form";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requireAdmin } from "@/lib/auth/session";
import { listCardsForAdmin } from "@/lib/cards/list-cards";
import { db } from "@/lib/db/client";
import { parseFilters, ZCardFilters, type SearchParams } from "@/lib/validations/admin-filters";
import { pageParams } from "@/lib/validations/page-params";

export default async function AdminCardsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireAdmin();
  const t = await getTranslations("adminCards");
  const review = await getTranslations("adminReview");
  const params = await searchParams;
  const { after } = pageParams(params);
  const parsed = parseFilters(ZCardFilters, params);
  const filters = parsed.ok ? parsed.filters : {};
  const page = parsed.ok ? await listCardsForAdmin({ db, filters: parsed.filters, after }) : { rows: [], nextCursor: null };
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
          resetHref="/admin/cards"
          fields={[
            { name: "customsCode", label: review("col.customsCode"), placeholder: review("customsCodePlaceholder") },
            { name: "cardNo", label: t("col.cardNo"), placeholder: t("cardNoPlaceholder") },
            {
              name: "status",
              label: t("col.status"),
              kind: "select",
              options: (["ACTIVE", "REVOKED"] as const).map((s) => ({ value: s, label: t(`status.${s}`) })),
            },
          ]}
        />
        {/* Registration needs the enterprise: offered once the list is filtered by one. */}
        {filters.customsCode && (
          <div>
            <RegisterCardForm customsCode={filters.customsCode} />
          </div>
        )}
        <CardsTable rows={page.rows} now={new Date()} />
        <KeysetPager basePath="/admin/cards" filters={filters} isFirstPage={!after} nextCursor={page.nextCursor} />
      </CardContent>
    </Card>
  );
}
