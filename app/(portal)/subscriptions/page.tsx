import { getTranslations } from "next-intl/server";
import { LiveRefresh } from "@/components/shell/live-refresh";
import { RecordsFilter } from "@/components/subscriptions/records-filter";
import { RefreshButton } from "@/components/subscriptions/refresh-button";
import { SubscribeForm } from "@/components/subscriptions/subscribe-form";
import { SubscriptionRecords } from "@/components/subscriptions/subscription-records";
import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requireEnterpriseUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { getStockProgress, isInFlight } from "@/lib/pushes/progress";
import { listBoundClients, listSubscriptions, SUBSCRIPTION_PAGE_SIZE } from "@/lib/subscriptions/list";
import { listSubscribableManuals, SUBSCRIBABLE_MANUALS_LIMIT } from "@/lib/manuals/subscribable-manuals";
import { addYearsToDay, formatShanghaiDateTime, shanghaiDay } from "@/lib/time/shanghai";
import { ZSubscriptionListQuery } from "@/lib/validations/subscription-filters";

export default async function SubscriptionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const user = await requireEnterpriseUser();
  const t = await getTranslations("subscriptions");
  const params = await searchParams;
  const parsed = ZSubscriptionListQuery.safeParse(params);
  // Only the 账册号 can be refused (the other filters ignore what is malformed): list nothing rather than all.
  const query = parsed.success ? parsed.data : ZSubscriptionListQuery.parse({ ...params, emsNo: undefined });
  const emsNoRefused = parsed.success ? null : String([params.emsNo].flat()[0] ?? "");
  const scope = { enterpriseId: user.enterpriseId };
  const today = shanghaiDay();
  const [clients, manuals, page] = await Promise.all([
    listBoundClients({ db, scope }),
    listSubscribableManuals({ db, customsCode: user.customsCode, today }),
    emsNoRefused === null
      ? listSubscriptions({ db, scope, filters: query, page: query.page })
      : { rows: [], total: 0, page: 1, pageCount: 1, pageSize: SUBSCRIPTION_PAGE_SIZE },
  ]);
  const progress = await getStockProgress({
    db,
    enterpriseId: user.enterpriseId,
    subscriptionIds: page.rows.filter((row) => row.hasStock).map((row) => row.id),
  });
  return (
    <div className="grid gap-6">
      <Card>
        <CardHeader>
          <CardTitle>{t("title")}</CardTitle>
          <CardDescription>{t("formDescription")}</CardDescription>
        </CardHeader>
        <CardContent>
          <SubscribeForm
            clients={clients.map((client) => ({ ...client, failingSince: client.failingSince && formatShanghaiDateTime(client.failingSince) }))}
            manuals={manuals
              .slice(0, SUBSCRIBABLE_MANUALS_LIMIT)
              .map((manual) => ({ ...manual, lastChangedAt: formatShanghaiDateTime(manual.lastChangedAt) }))}
            manualsLimited={manuals.length > SUBSCRIBABLE_MANUALS_LIMIT}
            today={today}
            latest={addYearsToDay(today, 1)}
          />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t("records")}</CardTitle>
          <CardAction>
            <RefreshButton />
          </CardAction>
        </CardHeader>
        <CardContent className="grid gap-4">
          <RecordsFilter query={query} refusedEmsNo={emsNoRefused} />
          <LiveRefresh active={Object.values(progress).some(isInFlight)} />
          <SubscriptionRecords
            page={page}
            progress={progress}
            query={query}
            emptyText={emsNoRefused === null ? undefined : t("filterRefused")}
            today={today}
            latest={addYearsToDay(today, 1)}
          />
        </CardContent>
      </Card>
    </div>
  );
}
