// R12/R20: the expiry job writes only the audit trail. Readers derive 已失效 from validUntil (validity.ts), so
// no status is updated; the job writes one EXPIRE row for each subscription whose validUntil passed since its
// last run, found through ExpiryWatermark.auditedUntil: validUntil ∈ [auditedUntil, now), then auditedUntil
// = now. A new or extended validUntil is never before now, so none is missed; the row lock on the watermark
// makes repeated or concurrent runs audit each subscription once.
import type { Db, Prisma } from "@/lib/db/client";
import { becameExpiredSql } from "./validity";

// A million subscriptions after a long outage take seconds; the usual run, one minute's worth, milliseconds.
const EXPIRY_TRANSACTION = { maxWait: 60_000, timeout: 300_000 };

export async function expireSubscriptions(options: { db: Db; now?: Date }): Promise<number> {
  const now = options.now ?? new Date();
  return options.db.$transaction(async (tx) => {
    const auditedUntil = await lockWatermark(tx, "UPDATE");
    if (now <= auditedUntil) return 0;
    const audited = await tx.$executeRaw`
      INSERT INTO "AuditLog" (action, "enterpriseId", "targetType", "targetId", detail, at)
      SELECT 'EXPIRE', s."enterpriseId", 'Subscription', s.id::text, jsonb_build_object('validUntil', s."validUntil"), ${now}
      FROM "Subscription" s WHERE ${becameExpiredSql(auditedUntil, now)}`;
    await tx.$executeRaw`UPDATE "ExpiryWatermark" SET "auditedUntil" = ${now} WHERE id = 1`;
    return audited;
  }, EXPIRY_TRANSACTION);
}

/**
 * The instant up to which expiries are audited. Cancel and extend read it FOR SHARE (rules.ts): they wait for
 * a running job, which reads subscriptions without locking them, and refuse a record it has audited as expired.
 */
export async function lockWatermark(tx: Prisma.TransactionClient, mode: "UPDATE" | "SHARE"): Promise<Date> {
  const rows =
    mode === "UPDATE"
      ? await tx.$queryRaw<{ auditedUntil: Date }[]>`SELECT "auditedUntil" FROM "ExpiryWatermark" WHERE id = 1 FOR UPDATE`
      : await tx.$queryRaw<{ auditedUntil: Date }[]>`SELECT "auditedUntil" FROM "ExpiryWatermark" WHERE id = 1 FOR SHARE`;
  if (rows.length === 0) throw new Error("ExpiryWatermark has no row (migration 20261202050000_expiry_watermark writes it)");
  return rows[0].auditedUntil;
}
