"use server";

// 重发: delivers the chosen messages (or the query's failed ones) again, signed with any card of the enterprise.
import { resendHandler } from "@/lib/pushes/signed-handlers";
import { ZResendRequest } from "@/lib/validations/push-log";
import { signedEnterpriseAction } from "../safe-action";

export const resendMessagesAction = signedEnterpriseAction("RESEND", ZResendRequest, resendHandler);
