-- A decided change keeps the manual's header and changed rows as they were before it (lib/manuals/before-state.ts),
-- so its review shows 变更前 and 变更后 long after the manual has moved on (issue 18).
-- AlterTable
ALTER TABLE "ManualChange" ADD COLUMN "beforeState" JSONB;
