"use server";

// 延期 (definition: lib/subscriptions/actions/extend.ts).
import { extend } from "@/lib/subscriptions/actions/extend";
import { signedEnterpriseAction } from "../safe-action";

export const extendSubscriptionAction = signedEnterpriseAction(extend);
