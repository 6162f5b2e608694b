"use server";

// 审批通过: applies a pending manual change and queues its INCREMENT pushes (R19, R13).
import { db } from "@/lib/db/client";
import { approveManualChange } from "@/lib/manuals/approve-change";
import { ZApproveChange } from "@/lib/validations/manual-change-decision";
import { adminAction } from "../admin-action";

export const approveManualChangeAction = adminAction("APPROVE_CHANGE", ZApproveChange, async ({ manualChangeId }, actor) => {
  const { decidedAt } = await approveManualChange({ db, manualChangeId, adminUserId: actor.user.id, ip: actor.ip });
  return { decidedAt: decidedAt.toISOString() };
});
