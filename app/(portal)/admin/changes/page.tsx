import { getTranslations } from "next-intl/server";
import { ChangesTable } from "@/components/admin/changes-table";
import { FilterForm } from "@/components/admin/filter-form";
import { KeysetPager } from "@/components/admin/keyset-pager";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requireAdmin } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { listManualChanges } from "@/lib/manuals/list-changes";
import { parseFilters, ZChangeListFilters, type SearchParams } from "@/lib/validations/admin-filters";
import { afterInteger } from "@/lib/validations/page-params";

export default async function AdminChangesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireAdmin();
  const t = await getTranslations("adminManuals");
  const params = await searchParams;
  const parsed = parseFilters(ZChangeListFilters, params);
  const filters = parsed.ok ? parsed.filters : { status: "PENDING" as const };
  const page = parsed.ok ? await listManualChanges({ db, filters: parsed.filters, after: afterInteger(params) }) : { rows: [], nextCursor: null };
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("changesTitle")}</CardTitle>
        <CardDescription>{t("changesDescription")}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <FilterForm
          params={{ status: filters.status, ...params }}
          errors={parsed.ok ? undefined : parsed.errors}
          resetHref="/admin/changes"
          fields={[
            { name: "emsNo", label: t("col.emsNo"), placeholder: t("emsNoPlaceholder") },
            {
              name: "status",
              label: t("col.status"),
              kind: "select",
              withAll: false,
              options: (["PENDING", "APPROVED", "REJECTED", "ALL"] as const).map((s) => ({ value: s, label: t(`changeStatus.${s}`) })),
            },
          ]}
        />
        <ChangesTable rows={page.rows} />
        <KeysetPager basePath="/admin/changes" filters={filters} isFirstPage={!params.after} nextCursor={page.nextCursor} />
      </CardContent>
    </Card>
  );
}
