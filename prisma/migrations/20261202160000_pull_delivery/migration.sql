-- Pull delivery (issue 20, lib/pull): an import client is delivered to by push (the platform POSTs) or by pull (the
-- client fetches over the signed pull API, leases its messages and acknowledges them).

-- CreateEnum
CREATE TYPE "DeliveryMode" AS ENUM ('PUSH', 'PULL');

-- CreateEnum
CREATE TYPE "AttemptKind" AS ENUM ('POST', 'PULL', 'ACK', 'LEASE_EXPIRY');

-- AlterTable
ALTER TABLE "ImportClient" ADD COLUMN "deliveryMode" "DeliveryMode" NOT NULL DEFAULT 'PUSH',
ADD COLUMN "deliveryModeChangedAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "PushMessage" ADD COLUMN "leasedUntil" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "DeliveryAttempt" ADD COLUMN "kind" "AttemptKind" NOT NULL DEFAULT 'POST';

-- CreateTable
CREATE TABLE "PullNonce" (
    "importClientId" INTEGER NOT NULL,
    "nonce" VARCHAR(64) NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PullNonce_pkey" PRIMARY KEY ("importClientId","nonce")
);

-- CreateIndex
CREATE INDEX "PushMessage_importClientId_dispatchedAt_idx" ON "PushMessage"("importClientId", "dispatchedAt");

-- AddForeignKey
ALTER TABLE "PullNonce" ADD CONSTRAINT "PullNonce_importClientId_fkey" FOREIGN KEY ("importClientId") REFERENCES "ImportClient"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A waiting pull (lib/pull/wake.ts) is woken at once by a message its client may take: one NOTIFY per statement
-- (delivered at commit, duplicates folded) naming the pull-mode clients of the rows it made offerable, so a
-- 20,000-row stock push costs one notification, not 20,000.
CREATE FUNCTION "notify_pull_clients"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  clients text;
BEGIN
  SELECT string_agg(DISTINCT n."importClientId"::text, ',') INTO clients
  FROM changed n JOIN "ImportClient" c ON c.id = n."importClientId" AND c."deliveryMode" = 'PULL'
  WHERE n."dispatchStatus" = 'PENDING' AND n."leasedUntil" IS NULL;
  IF clients IS NOT NULL THEN
    -- NOTIFY's payload is at most 8,000 bytes: beyond that every waiting pull looks.
    PERFORM pg_notify('sw_pull', CASE WHEN length(clients) > 7000 THEN '*' ELSE clients END);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "PushMessage_notify_pull_insert" AFTER INSERT ON "PushMessage"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "notify_pull_clients"();

CREATE TRIGGER "PushMessage_notify_pull_update" AFTER UPDATE ON "PushMessage"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "notify_pull_clients"();
