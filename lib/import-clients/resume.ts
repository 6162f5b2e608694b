// 恢复: a paused client becomes active again and the messages that waited for it are delivered, oldest first
// (deliver-waiting.ts, through a job queued in this transaction so that it runs once the client is active).
import type { Prisma } from "@/lib/db/client";
import type { EnterpriseScope } from "@/lib/db/tenancy";
import { AppError } from "@/lib/errors";
import { deliverWaitingJob } from "@/lib/jobs/definitions/deliver-waiting";
import { sendJob } from "@/lib/jobs/send";
import { auditClientChange, type SignedClientAudit } from "./audit";
import { findOwnedClient } from "./find-owned";

export async function resumeImportClient(options: {
  tx: Prisma.TransactionClient;
  scope: EnterpriseScope;
  clientId: string;
  audit: SignedClientAudit;
  now?: Date;
}): Promise<{ waiting: number }> {
  const { tx, scope, clientId } = options;
  const client = await findOwnedClient({ db: tx, scope, clientId });
  if (client.status !== "PAUSED") throw new AppError("RULE_VIOLATION", "该客户端未暂停，无需恢复");
  await tx.importClient.update({ where: { id: client.id }, data: { status: "ACTIVE", resumedAt: options.now ?? new Date() } });
  const waiting = await tx.pushMessage.count({ where: { importClientId: client.id, dispatchStatus: "PENDING" } });
  await sendJob(deliverWaitingJob, { importClientId: client.id }, { tx });
  await auditClientChange({ tx, action: "CLIENT_RESUME", scope, clientId, audit: options.audit, detail: { waiting } });
  return { waiting };
}
