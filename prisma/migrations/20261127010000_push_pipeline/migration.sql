-- AlterTable
ALTER TABLE "ManualChange" ADD COLUMN     "approvedSnapshot" JSONB;
