-- The customs admins' review lists (R18, lib/review) filter every enterprise's rows and page them by time. A filter
-- by 账册号 (push messages) or by 订阅类型 增量 (subscriptions) walked the time index through the whole table until
-- a page was found: 0.5–0.6 s a page at 1,000,000 subscriptions and 10,000,000 messages (npm run bench, P3).
CREATE INDEX "PushMessage_emsNo_dispatchedAt_id_idx" ON "PushMessage"("emsNo", "dispatchedAt" DESC, "id" DESC);
-- Partial: incremental subscriptions are few, and the expiry's updates (P4) of stock ones then make no entry.
CREATE INDEX "Subscription_incremental_createdAt_id_idx" ON "Subscription"("createdAt" DESC, "id" DESC) WHERE "incrementalManualId" IS NOT NULL;

-- Every query of this index names one incremental manual (change dispatch, subscribing, the expiry of a replaced
-- subscription), so stock-only subscriptions need no entry: the expiry of a million stock subscriptions makes a
-- million index entries fewer.
DROP INDEX "Subscription_incrementalManualId_status_idx";
CREATE INDEX "Subscription_incrementalManualId_status_idx" ON "Subscription"("incrementalManualId", "status") WHERE "incrementalManualId" IS NOT NULL;
