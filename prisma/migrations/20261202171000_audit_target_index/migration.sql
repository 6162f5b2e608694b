-- The audit log filtered by target ("who did what to X", issue 18) reads every entry of one target, signed or
-- not (approvals, pauses, expiries and card acts carry no signature): the signed-only index does not cover them.

-- CreateIndex
CREATE INDEX "AuditLog_targetType_targetId_at_idx" ON "AuditLog"("targetType", "targetId", "at" DESC);
