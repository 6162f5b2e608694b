"use server";

// 取消订阅 (definition: lib/subscriptions/actions/cancel.ts).
import { cancel } from "@/lib/subscriptions/actions/cancel";
import { signedEnterpriseAction } from "../safe-action";

export const cancelSubscriptionAction = signedEnterpriseAction(cancel);
