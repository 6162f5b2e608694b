"use server";

// 数据订阅: creates a subscription record from a request signed with the enterprise's legal-person card.
import { subscribeHandler } from "@/lib/subscriptions/signed-handlers";
import { ZSubscribeForm } from "@/lib/validations/subscription";
import { signedEnterpriseAction } from "../safe-action";

export const subscribeAction = signedEnterpriseAction("SUBSCRIBE", ZSubscribeForm, subscribeHandler);
