// 注销 of a card by a customs admin: which card and why (the reason goes into the audit log).
import { z } from "zod";
import { ZCardNo } from "./identifiers";

export const ZRevokeCard = z.object({
  cardNo: ZCardNo,
  reason: z.string().trim().min(1, "cards.revokeReasonRequired").max(200, "cards.revokeReasonTooLong"),
});
export type TRevokeCard = z.infer<typeof ZRevokeCard>;
