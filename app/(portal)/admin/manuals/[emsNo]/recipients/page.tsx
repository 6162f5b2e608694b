import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FilterForm } from "@/components/admin/filter-form";
import { ManualRecipientsTable } from "@/components/admin/manual-recipients-table";
import { Button } from "@/components/ui/button";
import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requireAdmin } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { loadManualHeader } from "@/lib/manuals/manual-detail";
import { listManualRecipients } from "@/lib/review/manual-recipients";
import { addDaysToDay, shanghaiDay } from "@/lib/time/shanghai";
import { parseFilters, ZManualRecipientsFilters, type SearchParams } from "@/lib/validations/admin-filters";
import { ZEmsNo } from "@/lib/validations/identifiers";

// Which enterprises received this manual's data: by enterprise and import client, over a range of dispatch days.
export default async function AdminManualRecipientsPage(props: { params: Promise<{ emsNo: string }>; searchParams: Promise<SearchParams> }) {
  await requireAdmin();
  const t = await getTranslations("adminManuals");
  const emsNo = ZEmsNo.safeParse((await props.params).emsNo);
  const manual = emsNo.success ? await loadManualHeader({ db, emsNo: emsNo.data }) : null;
  if (!manual) notFound();

  const searchParams = await props.searchParams;
  // Opened without a range: the last 7 days, today included; a submitted form with empty dates means all time.
  const today = shanghaiDay();
  const params =
    searchParams.dateFrom === undefined && searchParams.dateTo === undefined ? { dateFrom: addDaysToDay(today, -6), dateTo: today } : searchParams;
  const parsed = parseFilters(ZManualRecipientsFilters, params);
  const range = parsed.ok ? parsed.filters : {};
  const recipients = parsed.ok ? await listManualRecipients({ db, emsNo: manual.emsNo, ...range }) : [];
  const basePath = `/admin/manuals/${manual.emsNo}/recipients`;
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("recipients.title", { emsNo: manual.emsNo })}</CardTitle>
        <CardDescription>{t("recipients.description")}</CardDescription>
        <CardAction>
          <Button asChild variant="outline" size="sm">
            <Link href={`/admin/manuals/${manual.emsNo}`}>{t("recipients.backToManual")}</Link>
          </Button>
        </CardAction>
      </CardHeader>
      <CardContent className="grid gap-4">
        <FilterForm
          params={params}
          errors={parsed.ok ? undefined : parsed.errors}
          resetHref={basePath}
          fields={[
            { name: "dateFrom", label: t("recipients.dispatchedFrom"), kind: "date" },
            { name: "dateTo", label: t("recipients.dispatchedTo"), kind: "date" },
          ]}
        />
        <p className="text-sm text-muted-foreground" data-testid="recipients-summary">
          {t("recipients.summary", {
            enterprises: recipients.length,
            clients: recipients.reduce((sum, r) => sum + r.clients.length, 0),
          })}
        </p>
        <ManualRecipientsTable emsNo={manual.emsNo} recipients={recipients} range={range} />
      </CardContent>
    </Card>
  );
}
