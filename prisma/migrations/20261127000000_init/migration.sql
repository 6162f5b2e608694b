-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ENTERPRISE_USER', 'CUSTOMS_ADMIN');

-- CreateEnum
CREATE TYPE "CardKind" AS ENUM ('LEGAL_PERSON', 'OPERATOR');

-- CreateEnum
CREATE TYPE "CardStatus" AS ENUM ('ACTIVE', 'REVOKED');

-- CreateEnum
CREATE TYPE "ClientStatus" AS ENUM ('ACTIVE', 'PAUSED');

-- CreateEnum
CREATE TYPE "ChangeStatus" AS ENUM ('PENDING', 'APPROVED', 'REJECTED');

-- CreateEnum
CREATE TYPE "SubscriptionStatus" AS ENUM ('ACTIVE', 'CANCELLED', 'EXPIRED');

-- CreateEnum
CREATE TYPE "MessageType" AS ENUM ('STOCK', 'INCREMENT', 'TEST');

-- CreateEnum
CREATE TYPE "DispatchStatus" AS ENUM ('PENDING', 'DELIVERED', 'FAILED');

-- CreateTable
CREATE TABLE "Enterprise" (
    "id" SERIAL NOT NULL,
    "customsCode" VARCHAR(10) NOT NULL,
    "uscc" VARCHAR(18) NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Enterprise_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" SERIAL NOT NULL,
    "accountCode" VARCHAR(20) NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "enterpriseId" INTEGER,
    "failedSignIns" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMPTZ(3),
    "lastSignedInAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Card" (
    "id" SERIAL NOT NULL,
    "cardNo" VARCHAR(13) NOT NULL,
    "kind" "CardKind" NOT NULL,
    "enterpriseId" INTEGER NOT NULL,
    "holder" TEXT NOT NULL,
    "publicKey" VARCHAR(130) NOT NULL,
    "certificatePem" TEXT,
    "status" "CardStatus" NOT NULL DEFAULT 'ACTIVE',
    "registeredAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Card_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportClient" (
    "id" SERIAL NOT NULL,
    "clientId" VARCHAR(10) NOT NULL,
    "enterpriseId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "boundCardNo" VARCHAR(13),
    "endpointUrl" TEXT NOT NULL,
    "status" "ClientStatus" NOT NULL DEFAULT 'ACTIVE',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ImportClient_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Manual" (
    "id" SERIAL NOT NULL,
    "emsNo" VARCHAR(12) NOT NULL,
    "seqNo" VARCHAR(18),
    "etpsPreentNo" VARCHAR(64),
    "emsTypecd" VARCHAR(4),
    "bizopEtpsno" VARCHAR(10) NOT NULL,
    "bizopEtpsSccd" VARCHAR(18),
    "bizopEtpsNm" TEXT NOT NULL,
    "rcvgdEtpsno" VARCHAR(10) NOT NULL,
    "rvsngdEtpsSccd" VARCHAR(18),
    "rcvgdEtpsNm" TEXT NOT NULL,
    "dclEtpsno" VARCHAR(10),
    "dclEtpsSccd" VARCHAR(18),
    "dclEtpsNm" TEXT,
    "masterCuscd" VARCHAR(4) NOT NULL,
    "dclTypecd" VARCHAR(1) NOT NULL,
    "finishValidDate" DATE NOT NULL,
    "chgTmsCnt" INTEGER NOT NULL DEFAULT 0,
    "mtpckItemCnt" INTEGER NOT NULL DEFAULT 0,
    "endprdItemCnt" INTEGER NOT NULL DEFAULT 0,
    "putrecApprTime" TIMESTAMPTZ(3) NOT NULL,
    "chgApprTime" TIMESTAMPTZ(3),
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Manual_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ManualMaterial" (
    "id" SERIAL NOT NULL,
    "manualId" INTEGER NOT NULL,
    "gdsSeqno" INTEGER NOT NULL,
    "gdsMtno" VARCHAR(64) NOT NULL,
    "gdecd" VARCHAR(10) NOT NULL,
    "gdsNm" TEXT NOT NULL,
    "endprdGdsSpcfModelDesc" TEXT,
    "dclUnitcd" VARCHAR(3) NOT NULL,
    "lawfUnitcd" VARCHAR(3) NOT NULL,
    "secdLawfUnitcd" VARCHAR(3),
    "dclUprcAmt" DECIMAL(19,5),
    "dclQty" DECIMAL(19,5),
    "dclCurrcd" VARCHAR(3),
    "natcd" VARCHAR(3),
    "lvyrlfModecd" VARCHAR(1),
    "adjmtrMarkcd" VARCHAR(1),
    "modfMarkcd" VARCHAR(1) NOT NULL DEFAULT '0',

    CONSTRAINT "ManualMaterial_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ManualProduct" (
    "id" SERIAL NOT NULL,
    "manualId" INTEGER NOT NULL,
    "gdsSeqno" INTEGER NOT NULL,
    "gdsMtno" VARCHAR(64) NOT NULL,
    "gdecd" VARCHAR(10) NOT NULL,
    "gdsNm" TEXT NOT NULL,
    "endprdGdsSpcfModelDesc" TEXT,
    "dclUnitcd" VARCHAR(3) NOT NULL,
    "lawfUnitcd" VARCHAR(3) NOT NULL,
    "secdLawfUnitcd" VARCHAR(3),
    "dclUprcAmt" DECIMAL(19,5),
    "dclQty" DECIMAL(19,5),
    "dclCurrcd" VARCHAR(3),
    "natcd" VARCHAR(3),
    "lvyrlfModecd" VARCHAR(1),
    "modfMarkcd" VARCHAR(1) NOT NULL DEFAULT '0',

    CONSTRAINT "ManualProduct_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ManualChange" (
    "id" SERIAL NOT NULL,
    "manualId" INTEGER NOT NULL,
    "chgTmsCnt" INTEGER NOT NULL,
    "status" "ChangeStatus" NOT NULL DEFAULT 'PENDING',
    "headChanges" JSONB,
    "materialChanges" JSONB NOT NULL DEFAULT '[]',
    "productChanges" JSONB NOT NULL DEFAULT '[]',
    "requestId" VARCHAR(64),
    "submittedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMPTZ(3),
    "decidedById" INTEGER,
    "rejectReason" TEXT,

    CONSTRAINT "ManualChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Subscription" (
    "id" SERIAL NOT NULL,
    "enterpriseId" INTEGER NOT NULL,
    "importClientId" INTEGER NOT NULL,
    "signingCardId" INTEGER NOT NULL,
    "enteredBy" VARCHAR(20) NOT NULL,
    "status" "SubscriptionStatus" NOT NULL DEFAULT 'ACTIVE',
    "validUntil" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "stockManualId" INTEGER,
    "stockEmsNo" VARCHAR(12),
    "pushMaterials" BOOLEAN NOT NULL DEFAULT false,
    "pushProducts" BOOLEAN NOT NULL DEFAULT false,
    "materialFrom" INTEGER,
    "materialTo" INTEGER,
    "productFrom" INTEGER,
    "productTo" INTEGER,
    "incrementalManualId" INTEGER,
    "incrementalEmsNo" VARCHAR(12),
    "cancelledAt" TIMESTAMPTZ(3),
    "signedPayload" TEXT NOT NULL,
    "signature" TEXT NOT NULL,

    CONSTRAINT "Subscription_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PushMessage" (
    "id" SERIAL NOT NULL,
    "messageId" CHAR(20) NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "enterpriseId" INTEGER NOT NULL,
    "subscriptionId" INTEGER,
    "importClientId" INTEGER NOT NULL,
    "manualChangeId" INTEGER,
    "emsNo" VARCHAR(12) NOT NULL,
    "type" "MessageType" NOT NULL,
    "partNo" INTEGER NOT NULL DEFAULT 1,
    "partCount" INTEGER NOT NULL DEFAULT 1,
    "rowCount" INTEGER NOT NULL DEFAULT 0,
    "body" TEXT NOT NULL,
    "dispatchStatus" "DispatchStatus" NOT NULL DEFAULT 'PENDING',
    "dispatchedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deliveredAt" TIMESTAMPTZ(3),
    "attemptCount" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "resent" BOOLEAN NOT NULL DEFAULT false,
    "resentAt" TIMESTAMPTZ(3),

    CONSTRAINT "PushMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeliveryAttempt" (
    "id" SERIAL NOT NULL,
    "pushMessageId" INTEGER NOT NULL,
    "attemptNo" INTEGER NOT NULL,
    "isResend" BOOLEAN NOT NULL DEFAULT false,
    "startedAt" TIMESTAMPTZ(3) NOT NULL,
    "durationMs" INTEGER NOT NULL,
    "httpStatus" INTEGER,
    "error" TEXT,
    "delivered" BOOLEAN NOT NULL,

    CONSTRAINT "DeliveryAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SigningChallenge" (
    "id" UUID NOT NULL,
    "userId" INTEGER NOT NULL,
    "action" VARCHAR(40) NOT NULL,
    "payloadDigest" CHAR(64) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "consumedAt" TIMESTAMPTZ(3),

    CONSTRAINT "SigningChallenge_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "action" VARCHAR(40) NOT NULL,
    "outcome" VARCHAR(10) NOT NULL DEFAULT 'OK',
    "actorUserId" INTEGER,
    "actorAccount" VARCHAR(20),
    "enterpriseId" INTEGER,
    "targetType" VARCHAR(40),
    "targetId" VARCHAR(64),
    "cardNo" VARCHAR(13),
    "signature" TEXT,
    "detail" JSONB,
    "ip" VARCHAR(64),

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UpstreamSystem" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "tokenHash" CHAR(64) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UpstreamSystem_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Enterprise_customsCode_key" ON "Enterprise"("customsCode");

-- CreateIndex
CREATE UNIQUE INDEX "Enterprise_uscc_key" ON "Enterprise"("uscc");

-- CreateIndex
CREATE UNIQUE INDEX "User_accountCode_key" ON "User"("accountCode");

-- CreateIndex
CREATE INDEX "User_enterpriseId_idx" ON "User"("enterpriseId");

-- CreateIndex
CREATE UNIQUE INDEX "Card_cardNo_key" ON "Card"("cardNo");

-- CreateIndex
CREATE INDEX "Card_enterpriseId_idx" ON "Card"("enterpriseId");

-- CreateIndex
CREATE UNIQUE INDEX "ImportClient_clientId_key" ON "ImportClient"("clientId");

-- CreateIndex
CREATE INDEX "ImportClient_enterpriseId_idx" ON "ImportClient"("enterpriseId");

-- CreateIndex
CREATE UNIQUE INDEX "Manual_emsNo_key" ON "Manual"("emsNo");

-- CreateIndex
CREATE INDEX "Manual_rcvgdEtpsno_idx" ON "Manual"("rcvgdEtpsno");

-- CreateIndex
CREATE UNIQUE INDEX "ManualMaterial_manualId_gdsSeqno_key" ON "ManualMaterial"("manualId", "gdsSeqno");

-- CreateIndex
CREATE UNIQUE INDEX "ManualProduct_manualId_gdsSeqno_key" ON "ManualProduct"("manualId", "gdsSeqno");

-- CreateIndex
CREATE UNIQUE INDEX "ManualChange_requestId_key" ON "ManualChange"("requestId");

-- CreateIndex
CREATE INDEX "ManualChange_status_submittedAt_idx" ON "ManualChange"("status", "submittedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ManualChange_manualId_chgTmsCnt_key" ON "ManualChange"("manualId", "chgTmsCnt");

-- CreateIndex
CREATE INDEX "Subscription_enterpriseId_id_idx" ON "Subscription"("enterpriseId", "id" DESC);

-- CreateIndex
CREATE INDEX "Subscription_incrementalManualId_status_idx" ON "Subscription"("incrementalManualId", "status");

-- CreateIndex
CREATE INDEX "Subscription_status_validUntil_idx" ON "Subscription"("status", "validUntil");

-- CreateIndex
CREATE INDEX "Subscription_createdAt_id_idx" ON "Subscription"("createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "Subscription_one_active_incremental_key" ON "Subscription"("enterpriseId", "incrementalManualId") WHERE status = 'ACTIVE' AND "incrementalManualId" IS NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "PushMessage_messageId_key" ON "PushMessage"("messageId");

-- CreateIndex
CREATE UNIQUE INDEX "PushMessage_dedupeKey_key" ON "PushMessage"("dedupeKey");

-- CreateIndex
CREATE INDEX "PushMessage_enterpriseId_emsNo_dispatchedAt_id_idx" ON "PushMessage"("enterpriseId", "emsNo", "dispatchedAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "PushMessage_subscriptionId_idx" ON "PushMessage"("subscriptionId");

-- CreateIndex
CREATE INDEX "PushMessage_dispatchedAt_id_idx" ON "PushMessage"("dispatchedAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "PushMessage_importClientId_dispatchStatus_idx" ON "PushMessage"("importClientId", "dispatchStatus");

-- CreateIndex
CREATE INDEX "DeliveryAttempt_pushMessageId_startedAt_idx" ON "DeliveryAttempt"("pushMessageId", "startedAt");

-- CreateIndex
CREATE INDEX "SigningChallenge_expiresAt_idx" ON "SigningChallenge"("expiresAt");

-- CreateIndex
CREATE INDEX "AuditLog_at_idx" ON "AuditLog"("at" DESC);

-- CreateIndex
CREATE INDEX "AuditLog_enterpriseId_at_idx" ON "AuditLog"("enterpriseId", "at" DESC);

-- CreateIndex
CREATE INDEX "AuditLog_action_at_idx" ON "AuditLog"("action", "at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "UpstreamSystem_name_key" ON "UpstreamSystem"("name");

-- CreateIndex
CREATE UNIQUE INDEX "UpstreamSystem_tokenHash_key" ON "UpstreamSystem"("tokenHash");

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_enterpriseId_fkey" FOREIGN KEY ("enterpriseId") REFERENCES "Enterprise"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Card" ADD CONSTRAINT "Card_enterpriseId_fkey" FOREIGN KEY ("enterpriseId") REFERENCES "Enterprise"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportClient" ADD CONSTRAINT "ImportClient_enterpriseId_fkey" FOREIGN KEY ("enterpriseId") REFERENCES "Enterprise"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportClient" ADD CONSTRAINT "ImportClient_boundCardNo_fkey" FOREIGN KEY ("boundCardNo") REFERENCES "Card"("cardNo") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ManualMaterial" ADD CONSTRAINT "ManualMaterial_manualId_fkey" FOREIGN KEY ("manualId") REFERENCES "Manual"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ManualProduct" ADD CONSTRAINT "ManualProduct_manualId_fkey" FOREIGN KEY ("manualId") REFERENCES "Manual"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ManualChange" ADD CONSTRAINT "ManualChange_manualId_fkey" FOREIGN KEY ("manualId") REFERENCES "Manual"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Subscription" ADD CONSTRAINT "Subscription_enterpriseId_fkey" FOREIGN KEY ("enterpriseId") REFERENCES "Enterprise"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Subscription" ADD CONSTRAINT "Subscription_importClientId_fkey" FOREIGN KEY ("importClientId") REFERENCES "ImportClient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Subscription" ADD CONSTRAINT "Subscription_signingCardId_fkey" FOREIGN KEY ("signingCardId") REFERENCES "Card"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Subscription" ADD CONSTRAINT "Subscription_stockManualId_fkey" FOREIGN KEY ("stockManualId") REFERENCES "Manual"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Subscription" ADD CONSTRAINT "Subscription_incrementalManualId_fkey" FOREIGN KEY ("incrementalManualId") REFERENCES "Manual"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PushMessage" ADD CONSTRAINT "PushMessage_enterpriseId_fkey" FOREIGN KEY ("enterpriseId") REFERENCES "Enterprise"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PushMessage" ADD CONSTRAINT "PushMessage_subscriptionId_fkey" FOREIGN KEY ("subscriptionId") REFERENCES "Subscription"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PushMessage" ADD CONSTRAINT "PushMessage_importClientId_fkey" FOREIGN KEY ("importClientId") REFERENCES "ImportClient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PushMessage" ADD CONSTRAINT "PushMessage_manualChangeId_fkey" FOREIGN KEY ("manualChangeId") REFERENCES "ManualChange"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeliveryAttempt" ADD CONSTRAINT "DeliveryAttempt_pushMessageId_fkey" FOREIGN KEY ("pushMessageId") REFERENCES "PushMessage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SigningChallenge" ADD CONSTRAINT "SigningChallenge_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Message ids (R14): the year followed by 16 digits of this sequence.
CREATE SEQUENCE "push_message_id_seq" AS BIGINT;

-- The audit log is append-only (R20).
CREATE FUNCTION "audit_log_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AuditLog is append-only: % refused', TG_OP;
END;
$$;

CREATE TRIGGER "AuditLog_append_only"
  BEFORE UPDATE OR DELETE ON "AuditLog"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_log_append_only"();
