// R18: every enterprise's subscription records for customs admins, filtered and keyset-paged by
// (createdAt DESC, id DESC); the CSV export reads the same pages.
import type { Db, Prisma } from "@/lib/db/client";
import { afterTimeCursor, decodeTimeCursor, encodeTimeCursor, toPage, type Page } from "@/lib/pagination/keyset";
import { subscriptionContent } from "@/lib/subscriptions/content";
import { shanghaiDaysFilter } from "@/lib/time/shanghai";
import type { TSubscriptionReviewFilters } from "@/lib/validations/admin-filters";
import { effectiveStatus, effectiveStatusWhere, type SubscriptionStatus } from "@/lib/subscriptions/validity";
import { countPushMessages } from "./push-counts";

export const REVIEW_PAGE_SIZE = 20;

export interface ReviewSubscriptionRow {
  id: number;
  customsCode: string;
  enterpriseName: string;
  clientId: string;
  cardNo: string;
  cardHolder: string;
  content: string;
  enteredBy: string;
  createdAt: Date;
  validUntil: Date;
  status: SubscriptionStatus;
  pushCount: number;
}

function filterWhere(filters: TSubscriptionReviewFilters, now: Date): Prisma.SubscriptionWhereInput[] {
  const and: Prisma.SubscriptionWhereInput[] = [];
  if (filters.customsCode) and.push({ enterprise: { customsCode: filters.customsCode } });
  if (filters.emsNo) and.push({ OR: [{ stockEmsNo: filters.emsNo }, { incrementalEmsNo: filters.emsNo }] });
  if (filters.kind === "STOCK") and.push({ stockManualId: { not: null } });
  if (filters.kind === "INCREMENTAL") and.push({ incrementalManualId: { not: null } });
  if (filters.status) and.push(effectiveStatusWhere(filters.status, now));
  const created = shanghaiDaysFilter({ from: filters.dateFrom, to: filters.dateTo });
  if (created) and.push({ createdAt: created });
  return and;
}

export async function listSubscriptionsForReview(options: {
  db: Db;
  filters: TSubscriptionReviewFilters;
  after?: string | null;
  pageSize?: number;
  now?: Date;
}): Promise<Page<ReviewSubscriptionRow>> {
  const now = options.now ?? new Date();
  const pageSize = options.pageSize ?? REVIEW_PAGE_SIZE;
  const cursor = decodeTimeCursor(options.after);
  const and = filterWhere(options.filters, now);
  if (cursor) and.push(afterTimeCursor<Prisma.SubscriptionWhereInput>("createdAt", cursor));
  const records = await options.db.subscription.findMany({
    where: { AND: and },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: pageSize + 1,
    select: {
      id: true,
      enteredBy: true,
      createdAt: true,
      validUntil: true,
      status: true,
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
      signingCard: { select: { cardNo: true, holder: true } },
    },
  });
  const pushCounts = await countPushMessages({ db: options.db, subscriptionIds: records.map((r) => r.id) });
  return toPage(
    records,
    pageSize,
    (r) => encodeTimeCursor(r.createdAt, r.id),
    (r) => ({
      id: r.id,
      customsCode: r.enterprise.customsCode,
      enterpriseName: r.enterprise.name,
      clientId: r.importClient.clientId,
      cardNo: r.signingCard.cardNo,
      cardHolder: r.signingCard.holder,
      content: subscriptionContent(r),
      enteredBy: r.enteredBy,
      createdAt: r.createdAt,
      validUntil: r.validUntil,
      status: effectiveStatus(r, now),
      pushCount: pushCounts.get(r.id) ?? 0,
    }),
  );
}
