// R12: one set-based statement marks ACTIVE subscriptions past validUntil EXPIRED and audits each (R20).
// The expiry job runs it for everyone; subscribing runs it for one manual before checking R6.
import { Prisma, type Db } from "@/lib/db/client";

export async function expireSubscriptions(options: {
  db: Db | Prisma.TransactionClient;
  now?: Date;
  only?: { enterpriseId: number; incrementalManualId: number };
}): Promise<number> {
  const now = options.now ?? new Date();
  const only = options.only
    ? Prisma.sql`AND "enterpriseId" = ${options.only.enterpriseId} AND "incrementalManualId" = ${options.only.incrementalManualId}`
    : Prisma.empty;
  return options.db.$executeRaw`
    WITH expired AS (
      UPDATE "Subscription" SET status = 'EXPIRED'
      WHERE status = 'ACTIVE' AND "validUntil" < ${now} ${only}
      RETURNING id, "enterpriseId", "validUntil"
    )
    INSERT INTO "AuditLog" (action, "enterpriseId", "targetType", "targetId", detail, at)
    SELECT 'EXPIRE', "enterpriseId", 'Subscription', id::text, jsonb_build_object('validUntil', "validUntil"), ${now}
    FROM expired`;
}
