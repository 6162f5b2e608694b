// The admins' card list (docs/rules.md §5, issue 18): every registered card with its enterprise, status (and
// since when revoked), registration time, certificate validity and the import clients bound to it; newest
// registration first, keyset-paged by id.
import type { Db, Prisma } from "@/lib/db/client";
import type { TCardFilters } from "@/lib/validations/admin-filters";
import { ZAfterInteger } from "@/lib/validations/page-params";

export const CARD_PAGE_SIZE = 50;

const cardSelect = {
  id: true,
  cardNo: true,
  kind: true,
  holder: true,
  status: true,
  registeredAt: true,
  revokedAt: true,
  certificateNotBefore: true,
  certificateNotAfter: true,
  enterprise: { select: { customsCode: true, name: true } },
  boundClients: { select: { clientId: true }, orderBy: { clientId: "asc" } },
} satisfies Prisma.CardSelect;

export type CardRow = Prisma.CardGetPayload<{ select: typeof cardSelect }>;

export function cardWhere(filters: TCardFilters): Prisma.CardWhereInput {
  const and: Prisma.CardWhereInput[] = [];
  if (filters.customsCode) and.push({ enterprise: { customsCode: filters.customsCode } });
  if (filters.cardNo) and.push({ cardNo: filters.cardNo });
  if (filters.status) and.push({ status: filters.status });
  return { AND: and };
}

export async function listCardsForAdmin(options: {
  db: Db;
  filters: TCardFilters;
  after?: string | null;
  pageSize?: number;
}): Promise<{ rows: CardRow[]; nextCursor: string | null }> {
  const pageSize = options.pageSize ?? CARD_PAGE_SIZE;
  const after = ZAfterInteger.parse(options.after ?? undefined);
  const where = cardWhere(options.filters);
  const records = await options.db.card.findMany({
    where: after ? { AND: [where, { id: { lt: after } }] } : where,
    orderBy: { id: "desc" },
    take: pageSize + 1,
    select: cardSelect,
  });
  const rows = records.slice(0, pageSize);
  return { rows, nextCursor: records.length > pageSize ? String(rows[rows.length - 1].id) : null };
}

/** What a card's certificate says now: none (a bare key was registered), valid, not yet valid or expired. */
export function certificateState(card: Pick<CardRow, "certificateNotBefore" | "certificateNotAfter">, now: Date) {
  if (!card.certificateNotBefore || !card.certificateNotAfter) return "NONE" as const;
  if (now < card.certificateNotBefore) return "NOT_YET_VALID" as const;
  return now > card.certificateNotAfter ? ("EXPIRED" as const) : ("VALID" as const);
}
