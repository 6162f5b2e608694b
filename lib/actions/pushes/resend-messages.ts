"use server";

// 重发 (definition: lib/pushes/actions/resend.ts).
import { resend } from "@/lib/pushes/actions/resend";
import { signedEnterpriseAction } from "../safe-action";

export const resendMessagesAction = signedEnterpriseAction(resend);
