import { TriangleAlert } from "lucide-react";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ChangeDecision } from "@/components/admin/change-decision";
import { DetailList } from "@/components/admin/detail-list";
import { HeadDiffTable } from "@/components/admin/head-diff-table";
import { RowDiffTable } from "@/components/admin/row-diff-table";
import { ChangeStatusBadge } from "@/components/admin/status-badges";
import { Button } from "@/components/ui/button";
import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requireAdmin } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { loadChangeReview, type ChangeReview } from "@/lib/manuals/change-review";
import { manualRowFields } from "@/lib/manuals/row-fields";
import { formatShanghaiDateTime } from "@/lib/time/shanghai";
import { ZChangeDiffQuery, type SearchParams } from "@/lib/validations/admin-filters";

export default async function AdminChangePage(props: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  await requireAdmin();
  const t = await getTranslations("adminManuals");
  const refusalText = await getTranslations("errors");
  const id = Number((await props.params).id);
  const query = ZChangeDiffQuery.parse(await props.searchParams);
  const change = Number.isSafeInteger(id) && id > 0 ? await loadChangeReview({ db, manualChangeId: id, ...query }) : null;
  if (!change) notFound();
  const pending = change.status === "PENDING";
  const pushes = change.pushes;
  const { materials, products } = change.counts;
  const approveWhat = t("decision.approveWhat", {
    emsNo: change.emsNo,
    chgTmsCnt: change.chgTmsCnt,
    head: change.head.length - 1,
    materials: t("diff.summary", materials),
    products: t("diff.summary", products),
  });
  return (
    <div className="grid gap-6">
      <Card>
        <CardHeader>
          <CardTitle>{t("changeTitle", { emsNo: change.emsNo, chgTmsCnt: change.chgTmsCnt })}</CardTitle>
          <CardDescription>{t(pending ? "changePendingHint" : "changeDecidedHint")}</CardDescription>
          <CardAction>
            <Button asChild variant="outline" size="sm">
              <Link href="/admin/changes">{t("backToChanges")}</Link>
            </Button>
          </CardAction>
        </CardHeader>
        <CardContent className="grid gap-5">
          <DetailList
            items={[
              {
                label: t("col.emsNo"),
                value: (
                  <Link className="text-primary hover:underline" href={`/admin/manuals/${change.emsNo}`}>
                    {change.emsNo}
                  </Link>
                ),
                mono: true,
              },
              { label: t("col.status"), value: <ChangeStatusBadge status={change.status} /> },
              { label: t("col.chgTmsCnt"), value: change.chgTmsCnt },
              { label: t("col.submittedAt"), value: formatShanghaiDateTime(change.submittedAt), mono: true },
              { label: t("col.requestId"), value: change.requestId ?? "-", mono: true },
              { label: t("col.decidedAt"), value: change.decidedAt ? formatShanghaiDateTime(change.decidedAt) : "-", mono: true },
              { label: t("decidedBy"), value: change.decidedBy ? `${change.decidedBy.name} ${change.decidedBy.accountCode}` : "-" },
              ...(change.rejectReason ? [{ label: t("rejectReason"), value: change.rejectReason }] : []),
              ...(change.status === "APPROVED"
                ? [
                    {
                      label: t("pushes"),
                      value: (
                        <Link
                          className="text-primary hover:underline"
                          href={`/admin/push-messages?manualChangeId=${change.id}`}
                          data-testid="change-pushes"
                        >
                          {t("pushSummary", { delivered: pushes.DELIVERED ?? 0, failed: pushes.FAILED ?? 0, pending: pushes.PENDING ?? 0 })}
                        </Link>
                      ),
                    },
                  ]
                : []),
            ]}
          />
          {change.blocker && <ApprovalBlocked change={change} />}
          {change.contentError && (
            <p role="alert" className="flex items-center gap-2 text-sm text-destructive">
              <TriangleAlert className="size-4" />
              {t("contentError", {
                reason: `${change.contentError.field}: ${refusalText(change.contentError.refusal.key, change.contentError.refusal.values)}`,
              })}
            </p>
          )}
          {!pending && change.compareWith === null && <p className="text-sm text-muted-foreground">{t("beforeNotKept")}</p>}
          {pending && <ChangeDecision manualChangeId={change.id} canApprove={!change.blocker && !change.contentError} approveWhat={approveWhat} />}
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t("headChanges")}</CardTitle>
        </CardHeader>
        <CardContent>
          <HeadDiffTable rows={change.head} before={change.compareWith} />
        </CardContent>
      </Card>
      {change.rows && (
        <Card>
          <CardHeader>
            <CardTitle>{t(`rowChanges.${change.rows.table}`)}</CardTitle>
            {materials.total > 0 && products.total > 0 && (
              <nav className="flex gap-2" aria-label={t("tables")}>
                {(["materials", "products"] as const).map((table) => (
                  <Button key={table} asChild size="sm" variant={change.rows?.table === table ? "default" : "outline"}>
                    <Link href={`/admin/changes/${change.id}?table=${table}`} aria-current={change.rows?.table === table ? "page" : undefined}>
                      {t(`table.${table}`, { count: change.counts[table].total })}
                    </Link>
                  </Button>
                ))}
              </nav>
            )}
          </CardHeader>
          <CardContent>
            <RowDiffTable
              page={change.rows}
              fields={manualRowFields[change.rows.table]}
              compare={change.compareWith !== null}
              showWarnings={pending}
              pageHref={(page) => `/admin/changes/${change.id}?table=${change.rows?.table}&page=${page}`}
            />
          </CardContent>
        </Card>
      )}
    </div>
  );
}

// Why 审批通过 is not offered: an earlier change to decide first (linked), or a manual already past this change.
async function ApprovalBlocked({ change }: { change: ChangeReview }) {
  const t = await getTranslations("adminManuals.blocked");
  const { blocker } = change;
  if (!blocker) return null;
  return (
    <p role="status" className="flex items-center gap-2 text-sm text-destructive" data-testid="approval-blocked">
      <TriangleAlert className="size-4 shrink-0" />
      <span>
        {blocker.kind === "EARLIER_PENDING"
          ? t.rich("earlierPending", {
              chgTmsCnt: blocker.chgTmsCnt,
              change: (text) => (
                <Link className="text-primary underline-offset-4 hover:underline" href={`/admin/changes/${blocker.manualChangeId}`}>
                  {text}
                </Link>
              ),
            })
          : t("stale", { chgTmsCnt: change.chgTmsCnt, current: blocker.current })}
      </span>
    </p>
  );
}
