// 推送记录 (R16): an enterprise's own messages within a dispatch-time range (Asia/Shanghai days), of one manual
// or all, optionally of one subscription, one status or one message id; newest first, keyset-paged on (dispatchedAt, id).
import type { Db, Prisma } from "@/lib/db/client";
import { ownedBy, type EnterpriseScope } from "@/lib/db/tenancy";
import { endOfShanghaiDay, startOfShanghaiDay } from "@/lib/time/shanghai";
import type { TPushLogCursor, TPushLogQuery } from "@/lib/validations/push-log";
import { MAX_RESEND } from "@/lib/validations/push-log";

export const PUSH_LOG_PAGE_SIZE = 20;

export interface PushLogRow {
  id: number;
  messageId: string;
  emsNo: string | null;
  clientId: string;
  type: "STOCK" | "INCREMENT" | "TEST";
  partNo: number;
  partCount: number;
  dispatchStatus: "PENDING" | "DELIVERED" | "FAILED";
  dispatchedAt: Date;
  resent: boolean;
  resentAt: Date | null;
}

function queryWhere(scope: EnterpriseScope, query: TPushLogQuery): Prisma.PushMessageWhereInput {
  return {
    ...ownedBy(scope),
    dispatchedAt: { gte: startOfShanghaiDay(query.from), lte: endOfShanghaiDay(query.to) },
    ...(query.emsNo ? { emsNo: query.emsNo } : {}),
    ...(query.status ? { dispatchStatus: query.status } : {}),
    ...(query.subscriptionId ? { subscriptionId: query.subscriptionId } : {}),
    ...(query.messageId ? { messageId: query.messageId } : {}),
  };
}

export async function listPushLog(options: {
  db: Db;
  scope: EnterpriseScope;
  query: TPushLogQuery;
  after?: TPushLogCursor;
  pageSize?: number;
}): Promise<{ rows: PushLogRow[]; nextCursor: TPushLogCursor | null; failedCount: number }> {
  const pageSize = options.pageSize ?? PUSH_LOG_PAGE_SIZE;
  const where = queryWhere(options.scope, options.query);
  const after = options.after;
  const keyset: Prisma.PushMessageWhereInput = after
    ? { OR: [{ dispatchedAt: { lt: new Date(after.at) } }, { dispatchedAt: new Date(after.at), id: { lt: after.id } }] }
    : {};
  const [messages, failedCount] = await Promise.all([
    options.db.pushMessage.findMany({
      where: { AND: [where, keyset] },
      orderBy: [{ dispatchedAt: "desc" }, { id: "desc" }],
      take: pageSize + 1,
      select: {
        id: true,
        messageId: true,
        emsNo: true,
        type: true,
        partNo: true,
        partCount: true,
        dispatchStatus: true,
        dispatchedAt: true,
        resent: true,
        resentAt: true,
        importClient: { select: { clientId: true } },
      },
    }),
    options.db.pushMessage.count({ where: { ...where, dispatchStatus: "FAILED" } }),
  ]);
  const page = messages.slice(0, pageSize);
  const last = page[page.length - 1];
  return {
    rows: page.map(({ importClient, ...m }) => ({ ...m, clientId: importClient.clientId })),
    nextCursor: messages.length > pageSize ? { at: last.dispatchedAt.toISOString(), id: last.id } : null,
    failedCount,
  };
}

/** 重发本次查询中全部下发失败的报文: the ids of the query's failed messages (at most one resend's worth). */
export async function failedMessageIds(options: { tx: Prisma.TransactionClient; scope: EnterpriseScope; query: TPushLogQuery }) {
  const failed = await options.tx.pushMessage.findMany({
    where: { ...queryWhere(options.scope, options.query), dispatchStatus: "FAILED" },
    orderBy: [{ dispatchedAt: "asc" }, { id: "asc" }],
    take: MAX_RESEND,
    select: { messageId: true },
  });
  return failed.map((m) => m.messageId);
}
