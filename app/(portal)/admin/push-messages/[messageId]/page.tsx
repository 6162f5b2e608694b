import { Download, History } from "lucide-react";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ClientHealthState } from "@/components/admin/client-health-state";
import { DetailList } from "@/components/admin/detail-list";
import { PlatformSignature } from "@/components/admin/platform-signature";
import { PushMessageAttempts } from "@/components/admin/push-message-attempts";
import { DispatchStatusBadge } from "@/components/admin/status-badges";
import { DeliveryError } from "@/components/pushes/delivery-error";
import { Button } from "@/components/ui/button";
import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { auditTrailHref } from "@/lib/audit/targets";
import { requireAdmin } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { loadPushMessageForReview } from "@/lib/review/push-message-detail";
import { formatShanghaiDateTime } from "@/lib/time/shanghai";
import { ZMessageId } from "@/lib/validations/identifiers";

const link = "text-primary underline-offset-4 hover:underline";

export default async function AdminPushMessagePage({ params }: { params: Promise<{ messageId: string }> }) {
  await requireAdmin();
  const t = await getTranslations("adminMessage");
  const review = await getTranslations("adminReview");
  const messageId = ZMessageId.safeParse((await params).messageId);
  const message = messageId.success ? await loadPushMessageForReview({ db, messageId: messageId.data }) : null;
  if (!message) notFound();
  const time = (at: Date | null) => (at ? formatShanghaiDateTime(at) : "-");
  return (
    <div className="grid gap-6">
      <Card>
        <CardHeader>
          <CardTitle>{t("title", { messageId: message.messageId })}</CardTitle>
          <CardDescription>{t("description")}</CardDescription>
          <CardAction className="flex gap-2">
            <Button asChild variant="outline" size="sm">
              <Link href={auditTrailHref("PushMessage", message.messageId)}>
                <History />
                {t("auditTrail")}
              </Link>
            </Button>
            <Button asChild variant="outline" size="sm">
              <Link href="/admin/push-messages">{review("backToList")}</Link>
            </Button>
          </CardAction>
        </CardHeader>
        <CardContent>
          <DetailList
            items={[
              { label: review("col.messageType"), value: review(`messageType.${message.type}`) },
              { label: review("col.emsNo"), value: message.emsNo ?? "-", mono: true },
              { label: review("col.customsCode"), value: `${message.enterprise.customsCode} ${message.enterprise.name}` },
              {
                label: review("col.recordId"),
                value: message.subscriptionId ? (
                  <Link className={link} href={`/admin/subscriptions/${message.subscriptionId}`}>
                    {message.subscriptionId}
                  </Link>
                ) : (
                  "-"
                ),
              },
              {
                label: t("change"),
                value: message.manualChangeId ? (
                  <Link className={link} href={`/admin/changes/${message.manualChangeId}`}>
                    #{message.manualChangeId}
                  </Link>
                ) : (
                  "-"
                ),
              },
              { label: review("col.part"), value: `${message.partNo}/${message.partCount}` },
              { label: review("col.rowCount"), value: message.rowCount },
              { label: review("col.dispatchStatus"), value: <DispatchStatusBadge status={message.dispatchStatus} /> },
              { label: review("col.dispatchedAt"), value: time(message.dispatchedAt), mono: true },
              { label: review("col.deliveredAt"), value: time(message.deliveredAt), mono: true },
              {
                label: review("col.attemptCount"),
                value: (
                  <span data-testid="attempt-count">{t("attemptsSummary", { count: message.attemptCount, failed: message.failedAttempts })}</span>
                ),
              },
              {
                label: review("col.lastError"),
                value: <span data-testid="last-error">{message.lastError ? <DeliveryError error={message.lastError} /> : "-"}</span>,
              },
              { label: review("col.resent"), value: review(message.resent ? "resent.yes" : "resent.no") },
              { label: review("col.resentAt"), value: time(message.resentAt), mono: true },
            ]}
          />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t("clientTitle")}</CardTitle>
          <CardDescription>{t("clientDescription")}</CardDescription>
        </CardHeader>
        <CardContent>
          <DetailList
            items={[
              {
                label: review("col.clientId"),
                value: (
                  <Link className={`${link} font-mono`} href={`/admin/import-clients?clientId=${message.client.clientId}`}>
                    {message.client.clientId}
                  </Link>
                ),
              },
              { label: review("endpointUrl"), value: message.endpointUrl, mono: true },
              { label: t("clientState"), value: <ClientHealthState client={message.client} /> },
              { label: t("clientFailures"), value: message.client.failuresSince },
              { label: t("clientLastSuccess"), value: time(message.client.lastDeliveredAt), mono: true },
              { label: t("clientPending"), value: message.client.pending },
            ]}
          />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t("attemptsTitle", { count: message.attemptCount })}</CardTitle>
          <CardDescription>{t("attemptsDescription")}</CardDescription>
        </CardHeader>
        <CardContent>
          <PushMessageAttempts attempts={message.attempts} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t("signatureTitle")}</CardTitle>
          <CardDescription>{t("signatureDescription")}</CardDescription>
        </CardHeader>
        <CardContent>
          <PlatformSignature check={message.signature} attemptNo={message.signatureOfAttempt} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t("xmlTitle")}</CardTitle>
          <CardAction>
            <Button asChild variant="outline" size="sm">
              <a href={`/api/admin/push-messages/${message.messageId}/xml`} download={`${message.messageId}.xml`}>
                <Download />
                {t("downloadXml")}
              </a>
            </Button>
          </CardAction>
        </CardHeader>
        <CardContent>
          {/* Focusable: a long message scrolls, and the keyboard must reach it. */}
          <pre className="max-h-[32rem] overflow-auto rounded-md bg-muted p-3 text-xs" data-testid="message-xml" tabIndex={0}>
            {message.xml}
          </pre>
        </CardContent>
      </Card>
    </div>
  );
}
