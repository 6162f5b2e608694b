// 订阅记录 (R9): the enterprise's own records, newest first, in numbered pages with the total (an enterprise
// holds hundreds of records, not millions, so an offset is cheap and lets the user jump to a page).
import type { Db, Prisma } from "@/lib/db/client";
import { ownedBy, type EnterpriseScope } from "@/lib/db/tenancy";
import { subscriptionContent, type SubscriptionContent } from "./content";
import { effectiveStatus, effectiveStatusWhere, type SubscriptionStatus } from "./validity";

export const SUBSCRIPTION_PAGE_SIZE = 20;

export interface SubscriptionFilters {
  emsNo?: string;
  kind?: "STOCK" | "INCREMENTAL";
  status?: SubscriptionStatus;
}

export interface SubscriptionRow {
  id: number;
  customsCode: string;
  clientId: string;
  cardNo: string;
  content: SubscriptionContent;
  enteredBy: string;
  /** 订阅时间. */
  createdAt: Date;
  validUntil: Date;
  status: SubscriptionStatus;
  hasStock: boolean;
  /** R10/R11: 取消订阅 and 延期 are offered only here. */
  canCancelOrExtend: boolean;
}

function filterWhere(filters: SubscriptionFilters, now: Date): Prisma.SubscriptionWhereInput {
  const and: Prisma.SubscriptionWhereInput[] = [];
  if (filters.emsNo) and.push({ OR: [{ stockEmsNo: filters.emsNo }, { incrementalEmsNo: filters.emsNo }] });
  if (filters.kind === "STOCK") and.push({ stockManualId: { not: null } });
  if (filters.kind === "INCREMENTAL") and.push({ incrementalManualId: { not: null } });
  if (filters.status) and.push(effectiveStatusWhere(filters.status, now));
  return { AND: and };
}

export async function listSubscriptions(options: {
  db: Db;
  scope: EnterpriseScope;
  filters?: SubscriptionFilters;
  /** 1-based; a page past the last shows the last. */
  page?: number;
  pageSize?: number;
  now?: Date;
}): Promise<{ rows: SubscriptionRow[]; total: number; page: number; pageCount: number; pageSize: number }> {
  const now = options.now ?? new Date();
  const pageSize = options.pageSize ?? SUBSCRIPTION_PAGE_SIZE;
  const where = { ...ownedBy(options.scope), ...filterWhere(options.filters ?? {}, now) };
  const total = await options.db.subscription.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, options.page ?? 1), pageCount);
  const records = await options.db.subscription.findMany({
    where,
    orderBy: { id: "desc" },
    skip: (page - 1) * pageSize,
    take: pageSize,
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
      enterprise: { select: { customsCode: true } },
      importClient: { select: { clientId: true } },
      signingCard: { select: { cardNo: true } },
    },
  });
  return {
    total,
    page,
    pageCount,
    pageSize,
    rows: records.map((r) => {
      const status = effectiveStatus(r, now);
      return {
        id: r.id,
        customsCode: r.enterprise.customsCode,
        clientId: r.importClient.clientId,
        cardNo: r.signingCard.cardNo,
        content: subscriptionContent(r),
        enteredBy: r.enteredBy,
        createdAt: r.createdAt,
        validUntil: r.validUntil,
        status,
        hasStock: r.stockEmsNo !== null,
        canCancelOrExtend: r.incrementalEmsNo !== null && status === "ACTIVE",
      };
    }),
  };
}

/** R3: the picker's import clients: the enterprise's own with a bound card medium. */
export async function listBoundClients(options: { db: Db; scope: EnterpriseScope }) {
  return options.db.importClient.findMany({
    where: { ...ownedBy(options.scope), boundCardNo: { not: null } },
    orderBy: { clientId: "asc" },
    select: { clientId: true, name: true, boundCardNo: true, status: true, failingSince: true },
  });
}
