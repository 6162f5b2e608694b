// Admins' client health (R15, issue 18): every import client with its last success, since when it has been
// failing and how many data attempts failed since then, whether it is paused and when it is probed next, and
// its data messages 待下发 and 下发失败. Test messages never count, as for the pause itself (pause.ts), so these
// figures agree with the dashboard's chart; "failing now" is lib/import-clients/failing-now.ts.
import type { Db, Prisma } from "@/lib/db/client";
import { failingNowWhere, isFailingNow } from "@/lib/import-clients/failing-now";
import type { TClientHealthFilters } from "@/lib/validations/admin-filters";
import { ZAfterInteger } from "@/lib/validations/page-params";
import { REVIEW_PAGE_SIZE } from "./list-subscriptions";

export interface ClientHealthRow {
  id: number;
  clientId: string;
  name: string;
  customsCode: string;
  enterpriseName: string;
  endpointUrl: string;
  status: "ACTIVE" | "PAUSED";
  failingNow: boolean;
  /** Only while paused: a resumed client's old pause time says nothing about now. */
  pausedAt: Date | null;
  nextProbeAt: Date | null;
  failingSince: Date | null;
  lastDeliveredAt: Date | null;
  /** Failed data attempts since failingSince (0 when not failing). */
  failuresSince: number;
  /** The latest failed data attempt since failingSince. */
  lastFailure: { at: Date; httpStatus: number | null; error: string | null } | null;
  /** Data messages 待下发 now. */
  pending: number;
  /** Data messages 下发失败 now (after the last retry, not resent since). */
  failed: number;
}

export const clientHealthSelect = {
  id: true,
  clientId: true,
  name: true,
  endpointUrl: true,
  status: true,
  pausedAt: true,
  nextProbeAt: true,
  failingSince: true,
  lastDeliveredAt: true,
  enterprise: { select: { customsCode: true, name: true } },
} satisfies Prisma.ImportClientSelect;
type ClientRecord = Prisma.ImportClientGetPayload<{ select: typeof clientHealthSelect }>;

export function clientHealthWhere(filters: TClientHealthFilters): Prisma.ImportClientWhereInput {
  const and: Prisma.ImportClientWhereInput[] = [];
  if (filters.customsCode) and.push({ enterprise: { customsCode: filters.customsCode } });
  if (filters.clientId) and.push({ clientId: filters.clientId });
  if (filters.health === "FAILING") and.push(failingNowWhere);
  if (filters.health === "PAUSED") and.push({ status: "PAUSED" });
  if (filters.health === "HEALTHY") and.push({ NOT: failingNowWhere });
  return { AND: and };
}

/** Newest client first, keyset-paged by id. */
export async function listClientHealth(options: {
  db: Db;
  filters: TClientHealthFilters;
  after?: string | null;
  pageSize?: number;
}): Promise<{ rows: ClientHealthRow[]; nextCursor: string | null }> {
  const { db } = options;
  const pageSize = options.pageSize ?? REVIEW_PAGE_SIZE;
  const after = ZAfterInteger.parse(options.after ?? undefined);
  const where = clientHealthWhere(options.filters);
  const records = await db.importClient.findMany({
    where: after ? { AND: [where, { id: { lt: after } }] } : where,
    orderBy: { id: "desc" },
    take: pageSize + 1,
    select: clientHealthSelect,
  });
  const page = records.slice(0, pageSize);
  return { rows: await withHealthFigures({ db, clients: page }), nextCursor: records.length > pageSize ? String(page[page.length - 1].id) : null };
}

interface Figures {
  id: number;
  pending: number;
  failed: number;
  failuresSince: number;
  lastFailureAt: Date | null;
  lastFailureHttpStatus: number | null;
  lastFailureError: string | null;
}

/** The figures of the given clients in one statement; attempts are read only since failingSince (bounded). */
export async function withHealthFigures(options: { db: Db; clients: ClientRecord[] }): Promise<ClientHealthRow[]> {
  const { db, clients } = options;
  if (clients.length === 0) return [];
  const figures = await db.$queryRaw<Figures[]>`
    SELECT c.id,
           (SELECT count(*)::int FROM "PushMessage" m
             WHERE m."importClientId" = c.id AND m."dispatchStatus" = 'PENDING' AND m.type <> 'TEST') AS pending,
           (SELECT count(*)::int FROM "PushMessage" m
             WHERE m."importClientId" = c.id AND m."dispatchStatus" = 'FAILED' AND m.type <> 'TEST') AS failed,
           coalesce(f.count, 0)::int AS "failuresSince", l."startedAt" AS "lastFailureAt", l."httpStatus" AS "lastFailureHttpStatus",
           l.error AS "lastFailureError"
      FROM "ImportClient" c
      LEFT JOIN LATERAL (
        SELECT count(*) FROM "DeliveryAttempt" a JOIN "PushMessage" m ON m.id = a."pushMessageId"
         WHERE a."importClientId" = c.id AND a."startedAt" >= c."failingSince" AND NOT a.delivered AND m.type <> 'TEST'
      ) f ON true
      LEFT JOIN LATERAL (
        SELECT a."startedAt", a."httpStatus", a.error FROM "DeliveryAttempt" a JOIN "PushMessage" m ON m.id = a."pushMessageId"
         WHERE a."importClientId" = c.id AND a."startedAt" >= c."failingSince" AND NOT a.delivered AND m.type <> 'TEST'
         ORDER BY a."startedAt" DESC LIMIT 1
      ) l ON true
     WHERE c.id = ANY(${clients.map((c) => c.id)}::int[])`;
  const byId = new Map(figures.map((f) => [f.id, f]));
  return clients.map(({ enterprise, ...client }) => {
    const f = byId.get(client.id)!;
    return {
      ...client,
      customsCode: enterprise.customsCode,
      enterpriseName: enterprise.name,
      failingNow: isFailingNow(client),
      pausedAt: client.status === "PAUSED" ? client.pausedAt : null,
      nextProbeAt: client.status === "PAUSED" ? client.nextProbeAt : null,
      failuresSince: f.failuresSince,
      lastFailure: f.lastFailureAt ? { at: f.lastFailureAt, httpStatus: f.lastFailureHttpStatus, error: f.lastFailureError } : null,
      pending: f.pending,
      failed: f.failed,
    };
  });
}
