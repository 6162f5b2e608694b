-- DropIndex
DROP INDEX "ImportClient_enterpriseId_idx";

-- AlterTable
ALTER TABLE "ImportClient" ADD COLUMN     "pausedAt" TIMESTAMPTZ(3),
ADD COLUMN     "resumedAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "PushMessage" ALTER COLUMN "emsNo" DROP NOT NULL;

-- AlterTable
ALTER TABLE "DeliveryAttempt" ADD COLUMN     "importClientId" INTEGER;

-- Existing attempts went to their message's client.
UPDATE "DeliveryAttempt" a SET "importClientId" = m."importClientId" FROM "PushMessage" m WHERE m."id" = a."pushMessageId";

ALTER TABLE "DeliveryAttempt" ALTER COLUMN "importClientId" SET NOT NULL;

-- CreateIndex
CREATE INDEX "ImportClient_enterpriseId_id_idx" ON "ImportClient"("enterpriseId", "id" DESC);

-- CreateIndex
CREATE INDEX "DeliveryAttempt_importClientId_startedAt_idx" ON "DeliveryAttempt"("importClientId", "startedAt" DESC);

-- AddForeignKey
ALTER TABLE "DeliveryAttempt" ADD CONSTRAINT "DeliveryAttempt_importClientId_fkey" FOREIGN KEY ("importClientId") REFERENCES "ImportClient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Only a TEST message may lack a manual number.
ALTER TABLE "PushMessage" ADD CONSTRAINT "PushMessage_emsNo_required_check" CHECK ("type" = 'TEST' OR "emsNo" IS NOT NULL);
