// 审计日志 viewer (R20): the append-only log filtered by action, outcome, enterprise (海关十位), account and
// day range, keyset-paged by (at DESC, id DESC); every signed entry is verified again as the page is read.
import type { Db, Prisma } from "@/lib/db/client";
import { checkSignedEntries } from "@/lib/review/check-signed-entries";
import type { SignedEntryCheck } from "@/lib/review/verify-signed-entry";
import { afterTimeCursor, decodeTimeCursor, encodeTimeCursor, toPage, type Page } from "@/lib/pagination/keyset";
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

export async function listAuditEntries(options: {
  db: Db;
  filters: TAuditFilters;
  after?: string | null;
  pageSize?: number;
  /** Only the signed entries of one record (the subscription view). */
  signedTarget?: { type: string; id: string };
}): Promise<Page<AuditRow>> {
  const { db, filters } = options;
  const pageSize = options.pageSize ?? AUDIT_PAGE_SIZE;
  const and: Prisma.AuditLogWhereInput[] = [];
  if (filters.customsCode) {
    // AuditLog keeps the enterprise id only (no foreign key: entries outlive what they describe).
    const enterprise = await db.enterprise.findUnique({ where: { customsCode: filters.customsCode }, select: { id: true } });
    if (!enterprise) return { rows: [], nextCursor: null };
    and.push({ enterpriseId: enterprise.id });
  }
  if (filters.action) and.push({ action: filters.action });
  if (filters.outcome) and.push({ outcome: filters.outcome });
  if (filters.account) and.push({ actorAccount: filters.account });
  if (options.signedTarget) and.push({ targetType: options.signedTarget.type, targetId: options.signedTarget.id, signature: { not: null } });
  const at = shanghaiDaysFilter({ from: filters.dateFrom, to: filters.dateTo });
  if (at) and.push({ at });
  const cursor = decodeTimeCursor(options.after);
  if (cursor) and.push(afterTimeCursor<Prisma.AuditLogWhereInput>("at", cursor));

  const records = await db.auditLog.findMany({
    where: { AND: and },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: pageSize + 1,
    select: {
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
    },
  });
  const checks = await checkSignedEntries({ db, entries: records });
  const signatureChecks = new Map(records.map((r, i) => [r.id, checks[i]]));
  const enterpriseIds = [...new Set(records.flatMap((r) => (r.enterpriseId === null ? [] : [r.enterpriseId])))];
  const enterprises = await db.enterprise.findMany({ where: { id: { in: enterpriseIds } }, select: { id: true, customsCode: true } });
  const customsCodes = new Map(enterprises.map((e) => [e.id, e.customsCode]));
  return toPage(
    records,
    pageSize,
    (r) => encodeTimeCursor(r.at, r.id),
    ({ enterpriseId, signedMessage: _bytes, signedFormat: _format, ...r }) => ({
      ...r,
      id: String(r.id),
      signatureCheck: signatureChecks.get(r.id) ?? null,
      customsCode: enterpriseId === null ? null : (customsCodes.get(enterpriseId) ?? null),
    }),
  );
}
