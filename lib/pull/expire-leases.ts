// Lease expiry: a pulled message not acknowledged by its lease's end is offered again, as a failed POST is retried.
// Each expiry is a LEASE_EXPIRY attempt; once a message has had as many offers in its series as push has attempts
// (settings.ts) it is 下发失败, and can be resent. A message whose client has meanwhile switched to 推送 gets its
// delivery job here (the switch left leased messages to their lease). Run by each pull for its own client and by
// the worker every minute for all (lib/jobs/definitions/expire-pull-leases.ts).
import { inSqlTransaction } from "@/lib/db/sql";
import { deliveryJob } from "@/lib/jobs/definitions/delivery";
import { sendJobs } from "@/lib/jobs/send";
import { formatDeliveryError } from "@/lib/pushes/delivery-error";
import { maxOffers } from "./settings";

const BATCH = 1_000;

export async function expireLeases(options: { importClientId?: number; now?: Date }): Promise<{ expired: number; failed: number }> {
  const now = options.now ?? new Date();
  const limit = maxOffers();
  let expired = 0;
  let failed = 0;
  for (;;) {
    const batch = await inSqlTransaction(async (tx) => {
      const rows = await tx.query<ExpiredRow>(PICK_SQL, [now, options.importClientId ?? null, BATCH]);
      if (rows.length === 0) return rows;
      const failing = rows.map((row) => Number(row.offers) >= limit);
      await tx.query(EXPIRE_SQL, [
        rows.map((row) => row.id),
        failing,
        rows.map((row) => row.leasedUntil.toISOString()),
        rows.map((row) => formatDeliveryError("LEASE_EXPIRED", `not acknowledged by ${row.leasedUntil.toISOString()}`)),
      ]);
      const pushed = rows.filter((row, i) => !failing[i] && row.deliveryMode === "PUSH");
      await sendJobs(
        deliveryJob,
        pushed.map((row) => ({ pushMessageId: row.id, resend: row.resent, afterAttempt: row.attemptCount + 1 })),
        { tx },
      );
      failed += failing.filter(Boolean).length;
      return rows;
    });
    expired += batch.length;
    if (batch.length < BATCH) return { expired, failed };
  }
}

interface ExpiredRow {
  id: number;
  attemptCount: number;
  resent: boolean;
  leasedUntil: Date;
  deliveryMode: "PUSH" | "PULL";
  offers: string;
}

// The series starts with the message's resend or its client's resume, as push's retry schedule does.
const PICK_SQL = `
  SELECT m.id, m."attemptCount", m.resent, m."leasedUntil", c."deliveryMode"::text AS "deliveryMode",
    (SELECT count(*) FROM "DeliveryAttempt" a
      WHERE a."pushMessageId" = m.id AND a.kind = 'PULL' AND a."startedAt" >= coalesce(greatest(m."resentAt", c."resumedAt"), '-infinity')) AS offers
  FROM "PushMessage" m JOIN "ImportClient" c ON c.id = m."importClientId"
  WHERE m."dispatchStatus" = 'PENDING' AND m."leasedUntil" < $1 AND ($2::int IS NULL OR m."importClientId" = $2)
  ORDER BY m.id LIMIT $3
  FOR UPDATE OF m SKIP LOCKED`;

const EXPIRE_SQL = `
  WITH t AS (SELECT * FROM unnest($1::int[], $2::boolean[], $3::timestamptz[], $4::text[]) AS t(id, failed, "leasedUntil", error)),
  expired AS (
    UPDATE "PushMessage" m
    SET "leasedUntil" = NULL, "attemptCount" = m."attemptCount" + 1, "lastError" = t.error,
      "dispatchStatus" = CASE WHEN t.failed THEN 'FAILED'::"DispatchStatus" ELSE m."dispatchStatus" END
    FROM t WHERE m.id = ANY($1::int[]) AND m.id = t.id
    RETURNING m.id, m."importClientId", m."attemptCount", m.resent, t."leasedUntil", t.error
  )
  INSERT INTO "DeliveryAttempt" ("pushMessageId", "importClientId", "attemptNo", "isResend", "startedAt", "durationMs", "httpStatus", delivered, error, kind)
  SELECT id, "importClientId", "attemptCount", resent, "leasedUntil", 0, NULL, false, error, 'LEASE_EXPIRY' FROM expired`;
