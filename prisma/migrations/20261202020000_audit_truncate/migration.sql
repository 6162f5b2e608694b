-- TRUNCATE skips row and DELETE triggers: the audit log refuses it too (R20, append-only).
CREATE TRIGGER "AuditLog_no_truncate"
  BEFORE TRUNCATE ON "AuditLog"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_log_append_only"();

-- A signed action's entry keeps the exact bytes the card signed and their format, so that it can be verified
-- again offline against the card's registered key (lib/review/verify-signed-entry.ts).
ALTER TABLE "AuditLog" ADD COLUMN "signedMessage" BYTEA,
ADD COLUMN "signedFormat" VARCHAR(40);

-- A record's signed entries (the subscription view); partial, so the expiry's unsigned rows cost nothing.
CREATE INDEX "AuditLog_signed_target_idx" ON "AuditLog"("targetType", "targetId", "at" DESC) WHERE "signature" IS NOT NULL;

-- Challenges per user and minute (lib/signing/challenge.ts), counted across web instances.
CREATE INDEX "SigningChallenge_userId_createdAt_idx" ON "SigningChallenge"("userId", "createdAt");
