import { getTranslations } from "next-intl/server";
import { ImportClientsTable } from "@/components/import-clients/import-clients-table";
import { RegisterClientDialog } from "@/components/import-clients/register-client-dialog";
import { LiveRefresh } from "@/components/shell/live-refresh";
import { RefreshButton } from "@/components/subscriptions/refresh-button";
import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requireEnterpriseUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { listBindableCards, listImportClients } from "@/lib/import-clients/list";
import { clientPauseAfterHours } from "@/lib/pushes/client-pause";
import { ZClientListQuery } from "@/lib/validations/import-client";

// 导入客户端管理 (issue 10): register clients, bind their card medium, set where messages go, test, resume.
export default async function ImportClientsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const user = await requireEnterpriseUser();
  const t = await getTranslations("importClients");
  const query = ZClientListQuery.parse(await searchParams);
  const scope = { enterpriseId: user.enterpriseId };
  const [page, cards] = await Promise.all([listImportClients({ db, scope, after: query.after }), listBindableCards({ db, scope })]);
  const pauseAfterHours = clientPauseAfterHours();
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
        <CardDescription>
          {t("description")}
          {pauseAfterHours > 0 && ` ${t("pauseRule", { hours: pauseAfterHours })}`}
        </CardDescription>
        <CardAction className="flex gap-2">
          <RefreshButton />
          <RegisterClientDialog />
        </CardAction>
      </CardHeader>
      <CardContent>
        {/* Messages 待下发 to a client that takes them: its last delivery and counts are about to change. */}
        <LiveRefresh active={page.rows.some((row) => row.status === "ACTIVE" && row.waiting > 0)} />
        <ImportClientsTable
          rows={page.rows}
          cards={cards}
          pauseAfterHours={pauseAfterHours}
          firstRowNumber={query.from ?? 1}
          nextCursor={page.nextCursor}
          isFirstPage={!query.after}
        />
      </CardContent>
    </Card>
  );
}
