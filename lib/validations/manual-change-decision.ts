// 审批通过 / 退回 of a pending manual change (R19); the reject dialog validates with the same schema.
import { z } from "zod";
import { ZRecordId } from "./identifiers";

export const REJECT_REASON_MAX = 500;

export const ZApproveChange = z.object({ manualChangeId: ZRecordId });

export const ZRejectChange = z.object({
  manualChangeId: ZRecordId,
  reason: z.string().trim().min(1, "manuals.rejectReasonRequired").max(REJECT_REASON_MAX, "manuals.rejectReasonTooLong"),
});

export type TRejectChange = z.infer<typeof ZRejectChange>;
