import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FilterForm } from "@/components/admin/filter-form";
import { KeysetPager } from "@/components/admin/keyset-pager";
import { ManualHead } from "@/components/admin/manual-head";
import { ManualRowsTable } from "@/components/admin/manual-rows-table";
import { Button } from "@/components/ui/button";
import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requireAdmin } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { listManualRows, loadManualHeader } from "@/lib/manuals/manual-detail";
import { manualRowFields } from "@/lib/manuals/row-fields";
import { parseFilters, ZManualRowsQuery, type SearchParams } from "@/lib/validations/admin-filters";
import { ZEmsNo } from "@/lib/validations/identifiers";
import { afterInteger } from "@/lib/validations/page-params";

export default async function AdminManualPage(props: { params: Promise<{ emsNo: string }>; searchParams: Promise<SearchParams> }) {
  await requireAdmin();
  const t = await getTranslations("adminManuals");
  const emsNo = ZEmsNo.safeParse((await props.params).emsNo);
  const manual = emsNo.success ? await loadManualHeader({ db, emsNo: emsNo.data }) : null;
  if (!manual) notFound();

  const params = await props.searchParams;
  const parsed = parseFilters(ZManualRowsQuery, params);
  const query = parsed.ok ? parsed.filters : { table: "materials" as const };
  const page = parsed.ok
    ? await listManualRows({ db, manualId: manual.id, table: query.table, q: query.q, after: afterInteger(params) })
    : { rows: [], nextCursor: null };
  const basePath = `/admin/manuals/${manual.emsNo}`;
  return (
    <div className="grid gap-6">
      <Card>
        <CardHeader>
          <CardTitle>{t("manualTitle", { emsNo: manual.emsNo })}</CardTitle>
          <CardDescription>{manual.rcvgdEtpsNm}</CardDescription>
          <CardAction className="flex gap-2">
            <Button asChild variant="outline" size="sm">
              <Link href={`/admin/manuals/${manual.emsNo}/recipients`}>{t("recipients.open")}</Link>
            </Button>
            <Button asChild variant="outline" size="sm">
              <Link href={`/admin/changes?status=ALL&emsNo=${manual.emsNo}`}>{t("changeHistory", { pending: manual.pendingChanges })}</Link>
            </Button>
            <Button asChild variant="outline" size="sm">
              <Link href="/admin/manuals">{t("backToList")}</Link>
            </Button>
          </CardAction>
        </CardHeader>
        <CardContent>
          <ManualHead head={manual} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <nav className="flex gap-2" aria-label={t("tables")}>
            {(["materials", "products"] as const).map((table) => (
              <Button key={table} asChild size="sm" variant={query.table === table ? "default" : "outline"}>
                <Link href={`${basePath}?table=${table}`} aria-current={query.table === table ? "page" : undefined}>
                  {t(`table.${table}`, { count: table === "materials" ? manual.mtpckItemCnt : manual.endprdItemCnt })}
                </Link>
              </Button>
            ))}
          </nav>
        </CardHeader>
        <CardContent className="grid gap-4">
          <FilterForm
            params={params}
            errors={parsed.ok ? undefined : parsed.errors}
            resetHref={`${basePath}?table=${query.table}`}
            fields={[{ name: "q", label: t("rowSearch"), placeholder: t("rowSearchPlaceholder"), className: "w-56" }]}
          >
            <input type="hidden" name="table" value={query.table} />
          </FilterForm>
          <ManualRowsTable rows={page.rows} fields={manualRowFields[query.table]} />
          <KeysetPager basePath={basePath} filters={query} isFirstPage={!params.after} nextCursor={page.nextCursor} />
        </CardContent>
      </Card>
    </div>
  );
}
