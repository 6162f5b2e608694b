import { ContentText } from "@/components/subscriptions/content-text";
import { History } from "lucide-react";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DetailList } from "@/components/admin/detail-list";
import { ReviewPushMessagesTable } from "@/components/admin/review-push-messages-table";
import { SignatureCheck } from "@/components/admin/signature-check";
import { SignedRequest } from "@/components/admin/signed-request";
import { SignedStatementText } from "@/components/admin/signed-statement-text";
import { SubscriptionTimeline } from "@/components/admin/subscription-timeline";
import { SubscriptionStatusBadge } from "@/components/admin/status-badges";
import { Button } from "@/components/ui/button";
import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { auditTrailHref } from "@/lib/audit/targets";
import { requireAdmin } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { listPushMessagesForReview } from "@/lib/review/list-push-messages";
import { loadSubscriptionRecord } from "@/lib/review/subscription-record";
import { loadSubscriptionTimeline } from "@/lib/review/subscription-timeline";
import { formatShanghaiDateTime } from "@/lib/time/shanghai";

export default async function AdminSubscriptionRecordPage({ params }: { params: Promise<{ id: string }> }) {
  await requireAdmin();
  const t = await getTranslations("adminReview");
  const id = Number((await params).id);
  const record = Number.isSafeInteger(id) && id > 0 ? await loadSubscriptionRecord({ db, subscriptionId: id }) : null;
  if (!record) notFound();
  const messages = await listPushMessagesForReview({ db, filters: { subscriptionId: record.id } });
  // 订阅, 延期, 取消, 重发 of its messages and 失效, each signed act verified again from the bytes its entry kept.
  const timeline = await loadSubscriptionTimeline({ db, subscriptionId: record.id });
  return (
    <div className="grid gap-6">
      <Card>
        <CardHeader>
          <CardTitle>{t("recordTitle", { id: record.id })}</CardTitle>
          <CardDescription>
            <ContentText content={record.content} />
          </CardDescription>
          <CardAction className="flex gap-2">
            <Button asChild variant="outline" size="sm">
              <Link href={auditTrailHref("Subscription", record.id)}>
                <History />
                {t("auditTrail")}
              </Link>
            </Button>
            <Button asChild variant="outline" size="sm">
              <Link href="/admin/subscriptions">{t("backToList")}</Link>
            </Button>
          </CardAction>
        </CardHeader>
        <CardContent>
          <DetailList
            items={[
              { label: t("col.customsCode"), value: record.enterprise.customsCode, mono: true },
              { label: t("col.enterpriseName"), value: record.enterprise.name },
              { label: t("col.clientId"), value: `${record.importClient.clientId}（${record.importClient.name}）` },
              { label: t("endpointUrl"), value: record.importClient.endpointUrl, mono: true },
              { label: t("col.enteredBy"), value: record.enteredBy, mono: true },
              { label: t("col.status"), value: <SubscriptionStatusBadge status={record.status} /> },
              { label: t("col.createdAt"), value: formatShanghaiDateTime(record.createdAt), mono: true },
              { label: t("col.validUntil"), value: formatShanghaiDateTime(record.validUntil), mono: true },
              { label: t("cancelledAt"), value: record.cancelledAt ? formatShanghaiDateTime(record.cancelledAt) : "-", mono: true },
            ]}
          />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t("signature.title")}</CardTitle>
          <CardDescription>{t("signature.description")}</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-5">
          <SignatureCheck check={record.signatureCheck} />
          <DetailList
            items={[
              { label: t(`signature.cardNoByKind.${record.card.kind}`), value: record.card.cardNo, mono: true },
              { label: t("col.cardHolder"), value: record.card.holder },
              { label: t("signature.cardKind"), value: t(`signature.kind.${record.card.kind}`) },
              { label: t("signature.cardStatus"), value: t(`signature.cardStatusValue.${record.card.status}`) },
              { label: t("signature.publicKey"), value: record.card.publicKey, mono: true },
            ]}
          />
          <SignedStatementText statement={record.statement} format={record.signedFormat} />
          <SignedRequest signedPayload={record.signedPayload} signature={record.signature} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t("timeline.title")}</CardTitle>
          <CardDescription>{t("timeline.description")}</CardDescription>
        </CardHeader>
        <CardContent>
          <SubscriptionTimeline acts={timeline} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t("recordMessages", { count: record.pushCount })}</CardTitle>
          {messages.nextCursor && (
            <CardAction>
              <Button asChild variant="outline" size="sm">
                <Link href={`/admin/push-messages?subscriptionId=${record.id}`}>{t("allMessages")}</Link>
              </Button>
            </CardAction>
          )}
        </CardHeader>
        <CardContent>
          <ReviewPushMessagesTable rows={messages.rows} firstRow={1} />
        </CardContent>
      </Card>
    </div>
  );
}
