// R18: every enterprise's subscription records for customs admins, filtered and keyset-paged by
// (createdAt DESC, id DESC); the CSV export reads the same pages.
import type { Db, Prisma } from "@/lib/db/client";
import { cappedTotal, twoWayTimePage, type ListTotal, type SortOrder, type TwoWayPage } from "@/lib/pagination/two-way";
import { subscriptionContent, type SubscriptionContent } from "@/lib/subscriptions/content";
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
  /** 法人卡 or 操作员卡: the column is labelled by what signed. */
  cardKind: "LEGAL_PERSON" | "OPERATOR";
  content: SubscriptionContent;
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
  /** 上一页: the page before this cursor. */
  before?: string | null;
  pageSize?: number;
  now?: Date;
}): Promise<TwoWayPage<ReviewSubscriptionRow>> {
  const { db } = options;
  const now = options.now ?? new Date();
  const filter = filterWhere(options.filters, now);
  return twoWayTimePage({
    after: options.after,
    before: options.before,
    pageSize: options.pageSize ?? REVIEW_PAGE_SIZE,
    field: "createdAt",
    fetch: (cursorWhere: Prisma.SubscriptionWhereInput | null, order: SortOrder, take: number) =>
      db.subscription.findMany({
        where: { AND: cursorWhere ? [...filter, cursorWhere] : filter },
        orderBy: [{ createdAt: order }, { id: order }],
        take,
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
          signingCard: { select: { cardNo: true, holder: true, kind: true } },
        },
      }),
    toRow: async (records) => {
      const pushCounts = await countPushMessages({ db, subscriptionIds: records.map((r) => r.id) });
      return records.map((r) => ({
        id: r.id,
        customsCode: r.enterprise.customsCode,
        enterpriseName: r.enterprise.name,
        clientId: r.importClient.clientId,
        cardNo: r.signingCard.cardNo,
        cardHolder: r.signingCard.holder,
        cardKind: r.signingCard.kind,
        content: subscriptionContent(r),
        enteredBy: r.enteredBy,
        createdAt: r.createdAt,
        validUntil: r.validUntil,
        status: effectiveStatus(r, now),
        pushCount: pushCounts.get(r.id) ?? 0,
      }));
    },
  });
}

/** 共 N 条 of the list (counted up to a cap). */
export const countSubscriptionsForReview = (options: { db: Db; filters: TSubscriptionReviewFilters; now?: Date }): Promise<ListTotal> =>
  cappedTotal((take) => options.db.subscription.count({ where: { AND: filterWhere(options.filters, options.now ?? new Date()) }, take }));
