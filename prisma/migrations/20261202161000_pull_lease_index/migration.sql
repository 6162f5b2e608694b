-- The minutely lease expiry (lib/pull/expire-leases.ts) looks for expired leases across every client: through this
-- partial index it reads only the leased messages, not a table of millions.
-- CreateIndex
CREATE INDEX "PushMessage_leasedUntil_idx" ON "PushMessage"("leasedUntil") WHERE "leasedUntil" IS NOT NULL;
