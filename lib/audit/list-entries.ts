// 审计日志 viewer (R20): the append-only log filtered by action, outcome, enterprise (海关十位), account, target
// and day range, keyset-paged both ways by (at DESC, id DESC) with its total; every signed entry is verified
// again as the page is read.
import type { Db, Prisma } from "@/lib/db/client";
import { cappedTotal, twoWayTimePage, type ListTotal, type TwoWayPage } from "@/lib/pagination/two-way";
import { checkSignedEntries } from "@/lib/review/check-signed-entries";
import type { SignedEntryCheck } from "@/lib/review/verify-signed-entry";
import { shanghaiDaysFilter } from "@/lib/time/shanghai";
import type { TAuditFilters } from "@/lib/validations/admin-filters";

export const AUDIT_PAGE_SIZE = 50;

export interface AuditRow {
  id: string;
  at: Date;
  action: string;
  outcome: string;
  actorAccount: string | null;
  customsCode: string | null;
  targetType: string | null;
  targetId: string | null;
  cardNo: string | null;
  signature: string | null;
  detail: Prisma.JsonValue;
  ip: string | null;
  /** Null for an entry without a signature. */
  signatureCheck: SignedEntryCheck | null;
}

const entrySelect = {
  id: true,
  at: true,
  action: true,
  outcome: true,
  actorAccount: true,
  enterpriseId: true,
  targetType: true,
  targetId: true,
  cardNo: true,
  signature: true,
  detail: true,
  ip: true,
  signedMessage: true,
  signedFormat: true,
} satisfies Prisma.AuditLogSelect;
type EntryRecord = Omit<Prisma.AuditLogGetPayload<{ select: typeof entrySelect }>, "id"> & { id: number };

interface AuditQuery {
  db: Db;
  filters: TAuditFilters;
  /** Only the signed entries of one record (the subscription view). */
  signedTarget?: { type: string; id: string };
}

/** The filter as a `where`; null when it names an enterprise that does not exist (nothing matches). */
async function auditWhere({ db, filters, signedTarget }: AuditQuery): Promise<Prisma.AuditLogWhereInput[] | null> {
  const and: Prisma.AuditLogWhereInput[] = [];
  if (filters.customsCode) {
    // AuditLog keeps the enterprise id only (no foreign key: entries outlive what they describe).
    const enterprise = await db.enterprise.findUnique({ where: { customsCode: filters.customsCode }, select: { id: true } });
    if (!enterprise) return null;
    and.push({ enterpriseId: enterprise.id });
  }
  if (filters.action) and.push({ action: filters.action });
  if (filters.outcome) and.push({ outcome: filters.outcome });
  if (filters.account) and.push({ actorAccount: filters.account });
  if (filters.targetType) and.push({ targetType: filters.targetType, ...(filters.targetId ? { targetId: filters.targetId } : {}) });
  if (signedTarget) and.push({ targetType: signedTarget.type, targetId: signedTarget.id, signature: { not: null } });
  const at = shanghaiDaysFilter({ from: filters.dateFrom, to: filters.dateTo });
  if (at) and.push({ at });
  return and;
}

export async function listAuditEntries(
  options: AuditQuery & { after?: string | null; before?: string | null; pageSize?: number },
): Promise<TwoWayPage<AuditRow>> {
  const { db } = options;
  const filter = await auditWhere(options);
  if (!filter) return { rows: [], nextCursor: null, prevCursor: null };
  return twoWayTimePage<Prisma.AuditLogWhereInput, EntryRecord, AuditRow>({
    after: options.after,
    before: options.before,
    pageSize: options.pageSize ?? AUDIT_PAGE_SIZE,
    field: "at",
    fetch: async (cursorWhere, order, take) => {
      const records = await db.auditLog.findMany({
        where: { AND: cursorWhere ? [...filter, cursorWhere] : filter },
        orderBy: [{ at: order }, { id: order }],
        take,
        select: entrySelect,
      });
      // The ids are far below 2^53: a number, as the cursor is.
      return records.map((record) => ({ ...record, id: Number(record.id) }));
    },
    toRow: (records) => toRows(db, records),
  });
}

export async function countAuditEntries(options: AuditQuery): Promise<ListTotal> {
  const filter = await auditWhere(options);
  if (!filter) return { count: 0, capped: false };
  return cappedTotal((take) => options.db.auditLog.count({ where: { AND: filter }, take }));
}

async function toRows(db: Db, records: EntryRecord[]): Promise<AuditRow[]> {
  const checks = await checkSignedEntries({ db, entries: records });
  const enterpriseIds = [...new Set(records.flatMap((r) => (r.enterpriseId === null ? [] : [r.enterpriseId])))];
  const enterprises = enterpriseIds.length
    ? await db.enterprise.findMany({ where: { id: { in: enterpriseIds } }, select: { id: true, customsCode: true } })
    : [];
  const customsCodes = new Map(enterprises.map((e) => [e.id, e.customsCode]));
  return records.map(({ enterpriseId, signedMessage: _bytes, signedFormat: _format, ...r }, index) => ({
    ...r,
    id: String(r.id),
    signatureCheck: checks[index],
    customsCode: enterpriseId === null ? null : (customsCodes.get(enterpriseId) ?? null),
  }));
}
