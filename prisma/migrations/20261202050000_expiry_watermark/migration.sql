-- Expiry in one pass (issue 19, lib/subscriptions/expire.ts): 已失效 is derived from validUntil at read time
-- (lib/subscriptions/validity.ts) and the expiry job only audits (R12, R20), finding what expired since its last
-- run through this one row: subscriptions with validUntil in ["auditedUntil", now).

-- CreateTable
CREATE TABLE "ExpiryWatermark" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "auditedUntil" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ExpiryWatermark_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "ExpiryWatermark_one_row" CHECK ("id" = 1)
);

-- The former job marked EXPIRED and audited what had expired by its last run; audit what expired since, as it
-- would have, and let the new job go on from this instant.
INSERT INTO "AuditLog" (action, "enterpriseId", "targetType", "targetId", detail, at)
SELECT 'EXPIRE', "enterpriseId", 'Subscription', id::text, jsonb_build_object('validUntil', "validUntil"), now()
FROM "Subscription" WHERE status = 'ACTIVE' AND "validUntil" < now();
INSERT INTO "ExpiryWatermark" ("id", "auditedUntil") VALUES (1, now());

-- The admin review's filter by 账册号 (R18) matches either part's manual number. Without these it walked the
-- time index through the whole table (0.8 s a page at 1,000,000 subscriptions); the index on stockEmsNo was left
-- out while the expiry updated every expired row (migrations/20261128020000_review_indexes), which it no longer does.
-- CreateIndex
CREATE INDEX "Subscription_stockEmsNo_createdAt_id_idx" ON "Subscription"("stockEmsNo", "createdAt" DESC, "id" DESC) WHERE "stockEmsNo" IS NOT NULL;

-- CreateIndex
CREATE INDEX "Subscription_incrementalEmsNo_createdAt_id_idx" ON "Subscription"("incrementalEmsNo", "createdAt" DESC, "id" DESC) WHERE "incrementalEmsNo" IS NOT NULL;
