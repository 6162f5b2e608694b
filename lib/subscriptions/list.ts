// 订阅记录 (R9): the enterprise's own records, newest first, keyset-paged by id.
import type { Db, Prisma } from "@/lib/db/client";
import { ownedBy, type EnterpriseScope } from "@/lib/db/tenancy";
import { subscriptionContent } from "./content";
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
  content: string;
  enteredBy: string;
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
  /** Id of the last row of the previous page. */
  after?: number;
  pageSize?: number;
  now?: Date;
}): Promise<{ rows: SubscriptionRow[]; nextCursor: number | null }> {
  const now = options.now ?? new Date();
  const pageSize = options.pageSize ?? SUBSCRIPTION_PAGE_SIZE;
  const records = await options.db.subscription.findMany({
    where: { ...ownedBy(options.scope), ...filterWhere(options.filters ?? {}, now), ...(options.after ? { id: { lt: options.after } } : {}) },
    orderBy: { id: "desc" },
    take: pageSize + 1,
    select: {
      id: true, enteredBy: true, validUntil: true, status: true, stockEmsNo: true, pushMaterials: true, pushProducts: true,
      materialFrom: true, materialTo: true, productFrom: true, productTo: true, incrementalEmsNo: true,
      enterprise: { select: { customsCode: true } },
      importClient: { select: { clientId: true } },
      signingCard: { select: { cardNo: true } },
    },
  });
  const page = records.slice(0, pageSize);
  return {
    rows: page.map((r) => {
      const status = effectiveStatus(r, now);
      return {
        id: r.id,
        customsCode: r.enterprise.customsCode,
        clientId: r.importClient.clientId,
        cardNo: r.signingCard.cardNo,
        content: subscriptionContent(r),
        enteredBy: r.enteredBy,
        validUntil: r.validUntil,
        status,
        hasStock: r.stockEmsNo !== null,
        canCancelOrExtend: r.incrementalEmsNo !== null && status === "ACTIVE",
      };
    }),
    nextCursor: records.length > pageSize ? page[page.length - 1].id : null,
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
