"use server";

// 取消订阅: cancels the incremental part of a record, signed with the legal-person card.
import { cancelHandler } from "@/lib/subscriptions/signed-handlers";
import { ZCancelRequest } from "@/lib/validations/subscription";
import { signedEnterpriseAction } from "../safe-action";

export const cancelSubscriptionAction = signedEnterpriseAction("CANCEL", ZCancelRequest, cancelHandler);
