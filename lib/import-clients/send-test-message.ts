// 发送测试报文: a signed TEST message (no manual data, not counted as data) through the normal delivery path,
// so the enterprise sees whether its client receives and accepts what the platform sends. One at a time per
// client: a second test waits until the first has a result.
import { randomUUID } from "node:crypto";
import { writeAudit } from "@/lib/audit/log";
import type { Db } from "@/lib/db/client";
import type { EnterpriseScope } from "@/lib/db/tenancy";
import { AppError } from "@/lib/errors";
import { nextMessageIds } from "@/lib/pushes/message-id";
import { storePushMessages } from "@/lib/pushes/store-messages";
import { buildTestMessageXml } from "@/lib/pushes/xml";
import { findOwnedClient } from "./find-owned";

export async function sendTestMessage(options: {
  db: Db;
  scope: EnterpriseScope;
  actor: { userId: number; accountCode: string; ip?: string | null };
  clientId: string;
  now?: Date;
}): Promise<{ messageId: string }> {
  const { scope, actor, clientId } = options;
  const now = options.now ?? new Date();
  return options.db.$transaction(async (tx) => {
    const client = await findOwnedClient({ db: tx, scope, clientId });
    const unfinished = await tx.pushMessage.findFirst({
      where: { importClientId: client.id, type: "TEST", dispatchStatus: "PENDING" },
      select: { messageId: true },
    });
    if (unfinished) throw new AppError("CONFLICT", "importClients.testUnfinished", { messageId: unfinished.messageId });

    const { customsCode } = await tx.enterprise.findUniqueOrThrow({ where: { id: scope.enterpriseId }, select: { customsCode: true } });
    const [messageId] = await nextMessageIds({ db: tx, count: 1, at: now });
    const head = { messageId, type: "TEST" as const, emsNo: null, subscriptionId: null, partNo: 1, partCount: 1, createdAt: now };
    await storePushMessages({
      tx,
      messages: [
        {
          messageId,
          dedupeKey: `test:${randomUUID()}`,
          enterpriseId: scope.enterpriseId,
          subscriptionId: null,
          importClientId: client.id,
          emsNo: null,
          type: "TEST",
          partNo: 1,
          partCount: 1,
          rowCount: 0,
          body: buildTestMessageXml({ head, clientId, customsCode }),
        },
      ],
    });
    await writeAudit(tx, {
      action: "CLIENT_TEST",
      actorUserId: actor.userId,
      actorAccount: actor.accountCode,
      enterpriseId: scope.enterpriseId,
      targetType: "ImportClient",
      targetId: clientId,
      detail: { messageId },
      ip: actor.ip,
    });
    return { messageId };
  });
}
