"use server";

// The result of a test message, polled by the page that sent it.
import { db } from "@/lib/db/client";
import { getTestMessageStatus } from "@/lib/import-clients/test-message-status";
import { ZTestMessageStatusRequest } from "@/lib/validations/import-client";
import { enterpriseAction } from "../safe-action";

export const getTestMessageStatusAction = enterpriseAction(ZTestMessageStatusRequest, async ({ messageId }, actor) => ({
  message: await getTestMessageStatus({ db, scope: actor.scope, messageId }),
}));
