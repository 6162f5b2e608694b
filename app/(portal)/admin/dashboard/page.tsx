import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { ExpiringSubscriptionsTable } from "@/components/admin/expiring-subscriptions-table";
import { ClientHealthTable } from "@/components/admin/client-health-table";
import { PushDailyChart } from "@/components/admin/push-daily-chart";
import { Button } from "@/components/ui/button";
import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requireAdmin } from "@/lib/auth/session";
import { EXPIRING_WITHIN_DAYS, listExpiringSubscriptions } from "@/lib/dashboard/expiring-subscriptions";
import { countFailingClients, listFailingClients } from "@/lib/dashboard/failing-clients";
import { DASHBOARD_DAYS, pushDailyCounts } from "@/lib/dashboard/push-daily-counts";
import { db } from "@/lib/db/client";
import { countPendingChanges } from "@/lib/manuals/list-changes";

export default async function AdminDashboardPage() {
  await requireAdmin();
  const t = await getTranslations("adminDashboard");
  const [days, failingClients, failingTotal, expiring, pendingChanges] = await Promise.all([
    pushDailyCounts({ db }),
    listFailingClients({ db }),
    countFailingClients({ db }),
    listExpiringSubscriptions({ db }),
    countPendingChanges({ db }),
  ]);
  return (
    <div className="grid gap-6">
      <Card>
        <CardHeader>
          <CardTitle>{t("pushesTitle", { days: DASHBOARD_DAYS })}</CardTitle>
          <CardDescription>{t("pushesDescription")}</CardDescription>
          <CardAction>
            <Button asChild variant={pendingChanges > 0 ? "default" : "outline"} size="sm">
              <Link href="/admin/changes">{t("pendingChanges", { count: pendingChanges })}</Link>
            </Button>
          </CardAction>
        </CardHeader>
        <CardContent>
          <PushDailyChart days={days} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t("failingClientsTitle", { count: failingTotal })}</CardTitle>
          <CardDescription>{t("failingClientsDescription")}</CardDescription>
          <CardAction>
            <Button asChild variant="outline" size="sm">
              <Link href="/admin/import-clients?health=FAILING">{t("allClientHealth")}</Link>
            </Button>
          </CardAction>
        </CardHeader>
        <CardContent className="grid gap-2">
          <p className="text-xs text-muted-foreground">{t("failingClientsFigures")}</p>
          <ClientHealthTable rows={failingClients} emptyText={t("noFailingClients")} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t("expiringTitle", { days: EXPIRING_WITHIN_DAYS, count: expiring.total })}</CardTitle>
          <CardDescription>{t("expiringDescription", { days: EXPIRING_WITHIN_DAYS })}</CardDescription>
        </CardHeader>
        <CardContent>
          <ExpiringSubscriptionsTable rows={expiring.rows} />
        </CardContent>
      </Card>
    </div>
  );
}
