// R12: one set-based statement marks every ACTIVE subscription past validUntil EXPIRED and audits each (R20).
import type { Db } from "@/lib/db/client";

export async function expireSubscriptions(options: { db: Db; now?: Date }): Promise<number> {
  const now = options.now ?? new Date();
  const expired = await options.db.$executeRaw`
    WITH expired AS (
      UPDATE "Subscription" SET status = 'EXPIRED'
      WHERE status = 'ACTIVE' AND "validUntil" < ${now}
      RETURNING id, "enterpriseId", "validUntil"
    )
    INSERT INTO "AuditLog" (action, "enterpriseId", "targetType", "targetId", detail, at)
    SELECT 'EXPIRE', "enterpriseId", 'Subscription', id::text, jsonb_build_object('validUntil', "validUntil"), ${now}
    FROM expired`;
  return expired;
}
