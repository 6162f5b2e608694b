-- A client is paused when it has failed continuously for CLIENT_PAUSE_AFTER_HOURS (lib/import-clients/pause.ts)
-- rather than after a number of failures, which retries of many messages reached within seconds of an outage;
-- a paused client is probed on a back-off schedule and resumed once it answers (lib/import-clients/probe.ts).

-- AlterTable
ALTER TABLE "ImportClient" ADD COLUMN     "failingSince" TIMESTAMPTZ(3),
ADD COLUMN     "lastDeliveredAt" TIMESTAMPTZ(3),
ADD COLUMN     "nextProbeAt" TIMESTAMPTZ(3);

-- The last data message delivered to each client (test messages do not count): one backward index scan per client.
UPDATE "ImportClient" c SET "lastDeliveredAt" = (
  SELECT a."startedAt" FROM "DeliveryAttempt" a JOIN "PushMessage" m ON m."id" = a."pushMessageId"
   WHERE a."importClientId" = c."id" AND a."delivered" AND m."type" <> 'TEST'
   ORDER BY a."startedAt" DESC LIMIT 1
);

-- Failing since its first failed data attempt after its last success and its last resume.
UPDATE "ImportClient" c SET "failingSince" = (
  SELECT min(a."startedAt") FROM "DeliveryAttempt" a JOIN "PushMessage" m ON m."id" = a."pushMessageId"
   WHERE a."importClientId" = c."id" AND NOT a."delivered" AND m."type" <> 'TEST'
     AND a."startedAt" > greatest(coalesce(c."lastDeliveredAt", '-infinity'), coalesce(c."resumedAt", '-infinity'))
);

-- Clients paused under the old rule are probed from now on.
UPDATE "ImportClient" SET "nextProbeAt" = now() WHERE "status" = 'PAUSED';
