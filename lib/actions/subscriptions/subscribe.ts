"use server";

// 数据订阅 (definition: lib/subscriptions/actions/subscribe.ts).
import { subscribe } from "@/lib/subscriptions/actions/subscribe";
import { signedEnterpriseAction } from "../safe-action";

export const subscribeAction = signedEnterpriseAction(subscribe);
