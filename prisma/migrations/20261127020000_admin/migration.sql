-- CreateEnum
CREATE TYPE "IngestionKind" AS ENUM ('MANUAL_UPSERT', 'CHANGE_SUBMIT');

-- CreateTable
CREATE TABLE "IngestionRequest" (
    "id" SERIAL NOT NULL,
    "requestId" VARCHAR(64) NOT NULL,
    "upstreamSystemId" INTEGER NOT NULL,
    "kind" "IngestionKind" NOT NULL,
    "bodyDigest" CHAR(64) NOT NULL,
    "response" JSONB NOT NULL,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IngestionRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "IngestionRequest_requestId_key" ON "IngestionRequest"("requestId");

-- CreateIndex
CREATE INDEX "AuditLog_actorAccount_at_idx" ON "AuditLog"("actorAccount", "at" DESC);

-- AddForeignKey
ALTER TABLE "IngestionRequest" ADD CONSTRAINT "IngestionRequest_upstreamSystemId_fkey" FOREIGN KEY ("upstreamSystemId") REFERENCES "UpstreamSystem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
