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
import { loadChangeReview } from "@/lib/manuals/change-review";
import { manualRowFields } from "@/lib/manuals/row-fields";
import { formatShanghaiDateTime } from "@/lib/time/shanghai";

export default async function AdminChangePage({ params }: { params: Promise<{ id: string }> }) {
  await requireAdmin();
  const t = await getTranslations("adminManuals");
  const refusalText = await getTranslations("errors");
  const id = Number((await params).id);
  const change = Number.isSafeInteger(id) && id > 0 ? await loadChangeReview({ db, manualChangeId: id }) : null;
  if (!change) notFound();
  const pending = change.status === "PENDING";
  const pushes = change.pushes;
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
              { label: t("chgTmsCntFromTo"), value: `${change.manualChgTmsCnt} → ${change.chgTmsCnt}` },
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
                        <Link className="text-primary hover:underline" href={`/admin/push-messages?emsNo=${change.emsNo}&type=INCREMENT`}>
                          {t("pushSummary", { delivered: pushes.DELIVERED ?? 0, failed: pushes.FAILED ?? 0, pending: pushes.PENDING ?? 0 })}
                        </Link>
                      ),
                    },
                  ]
                : []),
            ]}
          />
          {pending && change.earlierPending > 0 && (
            <p role="status" className="flex items-center gap-2 text-sm text-destructive">
              <TriangleAlert className="size-4" />
              {t("earlierPending", { count: change.earlierPending })}
            </p>
          )}
          {change.contentError && (
            <p role="alert" className="flex items-center gap-2 text-sm text-destructive">
              <TriangleAlert className="size-4" />
              {t("contentError", {
                reason: `${change.contentError.field}: ${refusalText(change.contentError.refusal.key, change.contentError.refusal.values)}`,
              })}
            </p>
          )}
          {pending && <ChangeDecision manualChangeId={change.id} />}
        </CardContent>
      </Card>
      {change.head.length > 0 && (
        <Card>
          <CardHeader>
            <CardTitle>{t("headChanges")}</CardTitle>
          </CardHeader>
          <CardContent>
            <HeadDiffTable rows={change.head} compare={pending} />
          </CardContent>
        </Card>
      )}
      {(["materials", "products"] as const).map((table) =>
        change[table].length > 0 ? (
          <Card key={table}>
            <CardHeader>
              <CardTitle>{t(`rowChanges.${table}`)}</CardTitle>
            </CardHeader>
            <CardContent>
              <RowDiffTable rows={change[table]} fields={manualRowFields[table]} compare={pending} />
            </CardContent>
          </Card>
        ) : null,
      )}
    </div>
  );
}
