-- Indexes for scale (issue 8, docs/performance.md).

-- An expiry run writes one audit row per expired subscription, without an actor: a million rows in one run.
-- Looking up an actor's entries (actorAccount = $1) never needs the actorless ones, so the index leaves them out.
DROP INDEX "AuditLog_actorAccount_at_idx";
CREATE INDEX "AuditLog_actorAccount_at_idx" ON "AuditLog"("actorAccount", "at" DESC) WHERE "actorAccount" IS NOT NULL;

-- 推送记录 (R16) counts the query's 下发失败 messages on every page: with the status in the index that count is an
-- index-only scan, instead of one heap page per message of the manual in the range (a year: a thousand pages).
CREATE INDEX "PushMessage_push_log_idx" ON "PushMessage"("enterpriseId", "emsNo", "dispatchedAt" DESC, "id" DESC, "dispatchStatus");
DROP INDEX "PushMessage_enterpriseId_emsNo_dispatchedAt_id_idx";
