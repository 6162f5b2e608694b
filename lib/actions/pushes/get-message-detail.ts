"use server";

// The push-log drawer: one message's attempts and XML, the enterprise's own only.
import { db } from "@/lib/db/client";
import { getPushMessageDetail } from "@/lib/pushes/detail";
import { ZMessageDetailRequest } from "@/lib/validations/push-log";
import { enterpriseAction } from "../safe-action";

export const getMessageDetailAction = enterpriseAction(ZMessageDetailRequest, async ({ messageId }, actor) => ({
  message: await getPushMessageDetail({ db, scope: actor.scope, messageId }),
}));
