"use server";

// 发送测试报文 to an import client (no card: it changes nothing but is audited).
import { db } from "@/lib/db/client";
import { sendTestMessage } from "@/lib/import-clients/send-test-message";
import { ZClientRequest } from "@/lib/validations/import-client";
import { enterpriseAction } from "../safe-action";

export const sendTestMessageAction = enterpriseAction(ZClientRequest, ({ clientId }, actor) =>
  sendTestMessage({ db, scope: actor.scope, actor: { userId: actor.user.id, accountCode: actor.user.accountCode, ip: actor.ip }, clientId }),
);
