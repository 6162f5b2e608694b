import { getTranslations } from "next-intl/server";
import { LiveRefresh } from "@/components/shell/live-refresh";
import { PushLogQueryForm } from "@/components/pushes/push-log-query-form";
import { PushLogTable } from "@/components/pushes/push-log-table";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requireEnterpriseUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { listPushLog } from "@/lib/pushes/log";
import { parsePushLogParams } from "@/lib/validations/push-log-params";

const INVALID_FIELDS = ["emsNo", "from", "to", "status", "messageId", "subscriptionId"] as const;
const invalidField = (field: string) => INVALID_FIELDS.find((known) => known === field) ?? "from";

// 重发已推送数据 (manual §6, R16–R17).
export default async function PushLogPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const user = await requireEnterpriseUser();
  const t = await getTranslations("pushes");
  const params = parsePushLogParams(await searchParams);
  const page = params.query ? await listPushLog({ db, scope: { enterpriseId: user.enterpriseId }, query: params.query, after: params.after }) : null;
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
        <CardDescription>{t("description")}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <LiveRefresh active={!!page?.rows.some((row) => row.dispatchStatus === "PENDING")} />
        <PushLogQueryForm form={params.form} error={params.error && t(`invalidFilter.${invalidField(params.error.field)}`)} />
        {page && params.query ? (
          <PushLogTable
            rows={page.rows}
            query={params.query}
            failedCount={page.failedCount}
            firstRowNumber={params.firstRowNumber}
            nextCursor={page.nextCursor}
            isFirstPage={!params.after}
          />
        ) : (
          <p className="py-8 text-center text-sm text-muted-foreground">{t("filterRefused")}</p>
        )}
      </CardContent>
    </Card>
  );
}
