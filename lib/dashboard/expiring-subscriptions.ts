// Dashboard: active subscriptions whose 有效期 ends within the next days, soonest first.
import type { Db } from "@/lib/db/client";
import { subscriptionContent, type SubscriptionContent } from "@/lib/subscriptions/content";
import { effectiveStatusWhere } from "@/lib/subscriptions/validity";

export const EXPIRING_WITHIN_DAYS = 30;

export interface ExpiringSubscription {
  id: number;
  customsCode: string;
  enterpriseName: string;
  clientId: string;
  content: SubscriptionContent;
  validUntil: Date;
}

export async function listExpiringSubscriptions(options: {
  db: Db;
  days?: number;
  limit?: number;
  now?: Date;
}): Promise<{ total: number; rows: ExpiringSubscription[] }> {
  const now = options.now ?? new Date();
  const until = new Date(now.getTime() + (options.days ?? EXPIRING_WITHIN_DAYS) * 86_400_000);
  const where = { AND: [effectiveStatusWhere("ACTIVE", now), { validUntil: { lt: until } }] };
  const [total, records] = await Promise.all([
    options.db.subscription.count({ where }),
    options.db.subscription.findMany({
      where,
      orderBy: [{ validUntil: "asc" }, { id: "asc" }],
      take: options.limit ?? 20,
      select: {
        id: true,
        validUntil: true,
        stockEmsNo: true,
        pushMaterials: true,
        pushProducts: true,
        materialFrom: true,
        materialTo: true,
        productFrom: true,
        productTo: true,
        incrementalEmsNo: true,
        enterprise: { select: { customsCode: true, name: true } },
        importClient: { select: { clientId: true } },
      },
    }),
  ]);
  return {
    total,
    rows: records.map((r) => ({
      id: r.id,
      customsCode: r.enterprise.customsCode,
      enterpriseName: r.enterprise.name,
      clientId: r.importClient.clientId,
      content: subscriptionContent(r),
      validUntil: r.validUntil,
    })),
  };
}
