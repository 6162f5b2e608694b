"use server";

// 延期: moves the end date of a record's incremental part, signed with the legal-person card.
import { extendHandler } from "@/lib/subscriptions/signed-handlers";
import { ZExtendRequest } from "@/lib/validations/subscription";
import { signedEnterpriseAction } from "../safe-action";

export const extendSubscriptionAction = signedEnterpriseAction("EXTEND", ZExtendRequest, extendHandler);
