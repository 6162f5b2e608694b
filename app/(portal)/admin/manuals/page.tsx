import { getTranslations } from "next-intl/server";
import { FilterForm } from "@/components/admin/filter-form";
import { KeysetPager } from "@/components/admin/keyset-pager";
import { ManualsTable } from "@/components/admin/manuals-table";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requireAdmin } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { listManuals } from "@/lib/manuals/list-manuals";
import { parseFilters, ZManualSearch, type SearchParams } from "@/lib/validations/admin-filters";
import { pageParams } from "@/lib/validations/page-params";

export default async function AdminManualsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireAdmin();
  const t = await getTranslations("adminManuals");
  const params = await searchParams;
  const { after, firstRow } = pageParams(params);
  const parsed = parseFilters(ZManualSearch, params);
  const filters = parsed.ok ? parsed.filters : {};
  const page = parsed.ok ? await listManuals({ db, q: parsed.filters.q, after }) : { rows: [], nextCursor: null };
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("manualsTitle")}</CardTitle>
        <CardDescription>{t("manualsDescription")}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <FilterForm
          params={params}
          errors={parsed.ok ? undefined : parsed.errors}
          resetHref="/admin/manuals"
          fields={[{ name: "q", label: t("search"), placeholder: t("searchPlaceholder"), className: "w-72" }]}
        />
        <ManualsTable rows={page.rows} />
        <KeysetPager
          basePath="/admin/manuals"
          filters={filters}
          isFirstPage={!after}
          nextCursor={page.nextCursor}
          nextRow={firstRow + page.rows.length}
        />
      </CardContent>
    </Card>
  );
}
