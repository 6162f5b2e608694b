// 导入客户端管理: the enterprise's own clients, newest first, keyset-paged by id, each with its delivery health:
// since when it has been failing (pause.ts), its last success, the last attempt, failed attempts in the last
// 24 hours, the messages still 待下发 and, while paused, when the platform probes it next.
import type { Db } from "@/lib/db/client";
import { ownedBy, type EnterpriseScope } from "@/lib/db/tenancy";

export const CLIENT_PAGE_SIZE = 20;
export const RECENT_FAILURE_HOURS = 24;

export interface LastDeliveryAttempt {
  startedAt: Date;
  delivered: boolean;
  httpStatus: number | null;
  error: string | null;
}

export interface ImportClientRow {
  clientId: string;
  name: string;
  boundCardNo: string | null;
  boundCardKind: "LEGAL_PERSON" | "OPERATOR" | null;
  endpointUrl: string;
  status: "ACTIVE" | "PAUSED";
  deliveryMode: "PUSH" | "PULL";
  pausedAt: Date | null;
  failingSince: Date | null;
  lastDeliveredAt: Date | null;
  nextProbeAt: Date | null;
  lastAttempt: LastDeliveryAttempt | null;
  recentFailures: number;
  waiting: number;
}

export async function listImportClients(options: {
  db: Db;
  scope: EnterpriseScope;
  /** Id of the last row of the previous page. */
  after?: number;
  pageSize?: number;
  now?: Date;
}): Promise<{ rows: ImportClientRow[]; nextCursor: number | null }> {
  const { db } = options;
  const pageSize = options.pageSize ?? CLIENT_PAGE_SIZE;
  const records = await db.importClient.findMany({
    where: { ...ownedBy(options.scope), ...(options.after ? { id: { lt: options.after } } : {}) },
    orderBy: { id: "desc" },
    take: pageSize + 1,
    select: {
      id: true,
      clientId: true,
      name: true,
      boundCardNo: true,
      endpointUrl: true,
      status: true,
      deliveryMode: true,
      pausedAt: true,
      failingSince: true,
      lastDeliveredAt: true,
      nextProbeAt: true,
      boundCard: { select: { kind: true } },
    },
  });
  const page = records.slice(0, pageSize);
  const ids = page.map((r) => r.id);
  const since = new Date((options.now ?? new Date()).getTime() - RECENT_FAILURE_HOURS * 3_600_000);
  const [lastAttempts, failures, waiting] = await Promise.all([
    lastAttemptOf({ db, importClientIds: ids }),
    db.deliveryAttempt.groupBy({
      by: ["importClientId"],
      // A pull is no failure: only failed POSTs and lease expiries count (lib/pull).
      where: { importClientId: { in: ids }, delivered: false, kind: { not: "PULL" }, startedAt: { gte: since } },
      _count: { _all: true },
    }),
    db.pushMessage.groupBy({ by: ["importClientId"], where: { importClientId: { in: ids }, dispatchStatus: "PENDING" }, _count: { _all: true } }),
  ]);
  const failuresOf = new Map(failures.map((f) => [f.importClientId, f._count._all]));
  const waitingOf = new Map(waiting.map((w) => [w.importClientId, w._count._all]));
  return {
    rows: page.map(({ id, boundCard, ...client }) => ({
      ...client,
      boundCardKind: boundCard?.kind ?? null,
      lastAttempt: lastAttempts.get(id) ?? null,
      recentFailures: failuresOf.get(id) ?? 0,
      waiting: waitingOf.get(id) ?? 0,
    })),
    nextCursor: records.length > pageSize ? page[page.length - 1].id : null,
  };
}

/** The latest attempt of each client: one short index scan per client, however long its history. */
async function lastAttemptOf(options: { db: Db; importClientIds: number[] }): Promise<Map<number, LastDeliveryAttempt>> {
  if (options.importClientIds.length === 0) return new Map();
  const rows = await options.db.$queryRaw<(LastDeliveryAttempt & { importClientId: number })[]>`
    SELECT c.id AS "importClientId", a."startedAt", a.delivered, a."httpStatus", a.error
      FROM unnest(${options.importClientIds}::int[]) AS c(id)
      CROSS JOIN LATERAL (
        SELECT "startedAt", delivered, "httpStatus", error FROM "DeliveryAttempt"
         WHERE "importClientId" = c.id AND kind <> 'PULL' ORDER BY "startedAt" DESC LIMIT 1
      ) a`;
  return new Map(rows.map(({ importClientId, ...attempt }) => [importClientId, attempt]));
}

/** The cards a client can be bound to: the enterprise's own, still ACTIVE. */
export async function listBindableCards(options: { db: Db; scope: EnterpriseScope }) {
  return options.db.card.findMany({
    where: { ...ownedBy(options.scope), status: "ACTIVE" },
    orderBy: [{ kind: "asc" }, { cardNo: "asc" }],
    select: { cardNo: true, kind: true, holder: true },
  });
}
export type BindableCard = Awaited<ReturnType<typeof listBindableCards>>[number];
