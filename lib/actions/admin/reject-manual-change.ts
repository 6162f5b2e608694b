"use server";

// 退回: refuses a pending manual change with a reason (R19).
import { db } from "@/lib/db/client";
import { rejectManualChange } from "@/lib/manuals/reject-change";
import { ZRejectChange } from "@/lib/validations/manual-change-decision";
import { adminAction } from "../admin-action";

export const rejectManualChangeAction = adminAction("REJECT_CHANGE", ZRejectChange, async ({ manualChangeId, reason }, actor) => {
  const { decidedAt } = await rejectManualChange({ db, manualChangeId, adminUserId: actor.user.id, reason, ip: actor.ip });
  return { decidedAt: decidedAt.toISOString() };
});
