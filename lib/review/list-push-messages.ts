// R18: every enterprise's push messages for customs admins, filtered and keyset-paged by
// (dispatchedAt DESC, id DESC); the CSV export reads the same pages.
import type { Db, Prisma } from "@/lib/db/client";
import { afterTimeCursor, decodeTimeCursor, encodeTimeCursor, toPage, type Page } from "@/lib/pagination/keyset";
import { shanghaiDaysFilter } from "@/lib/time/shanghai";
import type { TPushMessageReviewFilters } from "@/lib/validations/admin-filters";
import { REVIEW_PAGE_SIZE } from "./list-subscriptions";

export interface ReviewPushMessageRow {
  id: number;
  messageId: string;
  type: "STOCK" | "INCREMENT" | "TEST";
  /** Null for a TEST message. */
  emsNo: string | null;
  customsCode: string;
  enterpriseName: string;
  clientId: string;
  subscriptionId: number | null;
  manualChangeId: number | null;
  partNo: number;
  partCount: number;
  rowCount: number;
  dispatchStatus: "PENDING" | "DELIVERED" | "FAILED";
  dispatchedAt: Date;
  deliveredAt: Date | null;
  attemptCount: number;
  lastError: string | null;
  resent: boolean;
  resentAt: Date | null;
}

function filterWhere(filters: TPushMessageReviewFilters): Prisma.PushMessageWhereInput[] {
  const and: Prisma.PushMessageWhereInput[] = [];
  if (filters.customsCode) and.push({ enterprise: { customsCode: filters.customsCode } });
  if (filters.emsNo) and.push({ emsNo: filters.emsNo });
  if (filters.messageId) and.push({ messageId: filters.messageId });
  if (filters.type) and.push({ type: filters.type });
  if (filters.status) and.push({ dispatchStatus: filters.status });
  if (filters.subscriptionId) and.push({ subscriptionId: filters.subscriptionId });
  const dispatched = shanghaiDaysFilter({ from: filters.dateFrom, to: filters.dateTo });
  if (dispatched) and.push({ dispatchedAt: dispatched });
  return and;
}

export async function listPushMessagesForReview(options: {
  db: Db;
  filters: TPushMessageReviewFilters;
  after?: string | null;
  pageSize?: number;
}): Promise<Page<ReviewPushMessageRow>> {
  const pageSize = options.pageSize ?? REVIEW_PAGE_SIZE;
  const cursor = decodeTimeCursor(options.after);
  const and = filterWhere(options.filters);
  if (cursor) and.push(afterTimeCursor<Prisma.PushMessageWhereInput>("dispatchedAt", cursor));
  const records = await options.db.pushMessage.findMany({
    where: { AND: and },
    orderBy: [{ dispatchedAt: "desc" }, { id: "desc" }],
    take: pageSize + 1,
    select: {
      id: true, messageId: true, type: true, emsNo: true, subscriptionId: true, manualChangeId: true, partNo: true,
      partCount: true, rowCount: true, dispatchStatus: true, dispatchedAt: true, deliveredAt: true, attemptCount: true,
      lastError: true, resent: true, resentAt: true,
      enterprise: { select: { customsCode: true, name: true } },
      importClient: { select: { clientId: true } },
    },
  });
  return toPage(
    records,
    pageSize,
    (r) => encodeTimeCursor(r.dispatchedAt, r.id),
    ({ enterprise, importClient, ...r }) => ({
      ...r,
      customsCode: enterprise.customsCode,
      enterpriseName: enterprise.name,
      clientId: importClient.clientId,
    }),
  );
}
