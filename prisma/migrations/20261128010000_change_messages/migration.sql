-- A manual change's review (lib/manuals/change-review.ts) counts the messages the change pushed, and the change
-- dispatch looks for them: without an index that is a scan of every push message. Only INCREMENT messages have a
-- change, so the index leaves the others out.
CREATE INDEX "PushMessage_manualChangeId_idx" ON "PushMessage"("manualChangeId") WHERE "manualChangeId" IS NOT NULL;
