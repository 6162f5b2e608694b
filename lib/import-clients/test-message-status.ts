// The result of a test message for the page that sent it: its status and every attempt (time, HTTP status,
// duration, error). The enterprise's own TEST messages only.
import type { Db } from "@/lib/db/client";
import { ownedBy, type EnterpriseScope } from "@/lib/db/tenancy";
import { AppError } from "@/lib/errors";

export async function getTestMessageStatus(options: { db: Db; scope: EnterpriseScope; messageId: string }) {
  const message = await options.db.pushMessage.findFirst({
    where: { ...ownedBy(options.scope), messageId: options.messageId, type: "TEST" },
    select: {
      messageId: true,
      dispatchStatus: true,
      deliveredAt: true,
      importClient: { select: { clientId: true, endpointUrl: true } },
      attempts: {
        orderBy: { startedAt: "asc" },
        select: { attemptNo: true, startedAt: true, durationMs: true, httpStatus: true, error: true, delivered: true },
      },
    },
  });
  if (!message) throw new AppError("NOT_FOUND", "importClients.testMessageNotFound");
  const { importClient, ...rest } = message;
  return { ...rest, clientId: importClient.clientId, endpointUrl: importClient.endpointUrl };
}
export type TestMessageStatus = Awaited<ReturnType<typeof getTestMessageStatus>>;
