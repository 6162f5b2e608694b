// R18: every enterprise's push messages for customs admins, filtered and keyset-paged by
// (dispatchedAt DESC, id DESC); the CSV export reads the same pages. 下发次数 and 最近错误 come from the
// message's DeliveryAttempt rows, not from PushMessage.lastError: a success clears lastError, so a message
// delivered after failures (or whose client failed many times) showed no error at all.
import type { Db, Prisma } from "@/lib/db/client";
import { cappedTotal, twoWayTimePage, type ListTotal, type SortOrder, type TwoWayPage } from "@/lib/pagination/two-way";
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
  /** Its recorded delivery attempts. */
  attemptCount: number;
  failedAttempts: number;
  /** The error of its latest failed attempt, also once it has been delivered. */
  lastError: string | null;
  /** A 待下发 message of a paused client waits for it, without attempts (lib/pushes/deliver.ts). */
  clientPaused: boolean;
  resent: boolean;
  resentAt: Date | null;
}

function filterWhere(filters: TPushMessageReviewFilters): Prisma.PushMessageWhereInput[] {
  const and: Prisma.PushMessageWhereInput[] = [];
  if (filters.customsCode) and.push({ enterprise: { customsCode: filters.customsCode } });
  if (filters.emsNo) and.push({ emsNo: filters.emsNo });
  if (filters.messageId) and.push({ messageId: filters.messageId });
  if (filters.type) and.push(filters.type === "DATA" ? { type: { not: "TEST" } } : { type: filters.type });
  if (filters.status) and.push({ dispatchStatus: filters.status });
  if (filters.subscriptionId) and.push({ subscriptionId: filters.subscriptionId });
  if (filters.manualChangeId) and.push({ manualChangeId: filters.manualChangeId });
  if (filters.clientId) and.push({ importClient: { clientId: filters.clientId } });
  const dispatched = shanghaiDaysFilter({ from: filters.dateFrom, to: filters.dateTo });
  if (dispatched) and.push({ dispatchedAt: dispatched });
  return and;
}

export async function listPushMessagesForReview(options: {
  db: Db;
  filters: TPushMessageReviewFilters;
  after?: string | null;
  /** 上一页: the page before this cursor. */
  before?: string | null;
  pageSize?: number;
}): Promise<TwoWayPage<ReviewPushMessageRow>> {
  const { db } = options;
  const filter = filterWhere(options.filters);
  return twoWayTimePage({
    after: options.after,
    before: options.before,
    pageSize: options.pageSize ?? REVIEW_PAGE_SIZE,
    field: "dispatchedAt",
    fetch: (cursorWhere: Prisma.PushMessageWhereInput | null, order: SortOrder, take: number) =>
      db.pushMessage.findMany({
        where: { AND: cursorWhere ? [...filter, cursorWhere] : filter },
        orderBy: [{ dispatchedAt: order }, { id: order }],
        take,
        select: {
          id: true,
          messageId: true,
          type: true,
          emsNo: true,
          subscriptionId: true,
          manualChangeId: true,
          partNo: true,
          partCount: true,
          rowCount: true,
          dispatchStatus: true,
          dispatchedAt: true,
          deliveredAt: true,
          resent: true,
          resentAt: true,
          enterprise: { select: { customsCode: true, name: true } },
          importClient: { select: { clientId: true, status: true } },
        },
      }),
    toRow: async (records) => {
      const attempts = await attemptSummaries({ db, pushMessageIds: records.map((r) => r.id) });
      return records.map(({ enterprise, importClient, ...r }) => ({
        ...r,
        customsCode: enterprise.customsCode,
        enterpriseName: enterprise.name,
        clientId: importClient.clientId,
        clientPaused: importClient.status === "PAUSED",
        attemptCount: attempts.get(r.id)?.attempts ?? 0,
        failedAttempts: attempts.get(r.id)?.failed ?? 0,
        lastError: attempts.get(r.id)?.lastError ?? null,
      }));
    },
  });
}

/** 共 N 条 of the list (counted up to a cap). */
export const countPushMessagesForReview = (options: { db: Db; filters: TPushMessageReviewFilters }): Promise<ListTotal> =>
  cappedTotal((take) => options.db.pushMessage.count({ where: { AND: filterWhere(options.filters) }, take }));

interface AttemptSummary {
  pushMessageId: number;
  attempts: number;
  failed: number;
  lastError: string | null;
}

/** A page's attempt counts and latest errors in one statement (the (pushMessageId, startedAt) index). */
async function attemptSummaries(options: { db: Db; pushMessageIds: number[] }): Promise<Map<number, AttemptSummary>> {
  if (options.pushMessageIds.length === 0) return new Map();
  const rows = await options.db.$queryRaw<AttemptSummary[]>`
    SELECT a."pushMessageId", count(*)::int AS attempts, count(*) FILTER (WHERE NOT a.delivered AND a.kind <> 'PULL')::int AS failed,
           (array_agg(a.error ORDER BY a."startedAt" DESC, a.id DESC) FILTER (WHERE NOT a.delivered AND a.kind <> 'PULL'))[1] AS "lastError"
      FROM "DeliveryAttempt" a
     WHERE a."pushMessageId" = ANY(${options.pushMessageIds}::int[])
     GROUP BY a."pushMessageId"`;
  return new Map(rows.map((r) => [r.pushMessageId, r]));
}
