// 恢复: a paused client becomes active again and the messages that waited for it are delivered, oldest first
// (deliver-waiting.ts, through a job queued in this transaction so that it runs once the client is active).
// The platform's probe resumes a client the same way once it answers (probe.ts).
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
  const resumed = client.status === "PAUSED" ? await reactivateClient({ tx, importClientId: client.id, now: options.now }) : null;
  if (!resumed) throw new AppError("RULE_VIOLATION", "importClients.notPaused");
  await auditClientChange({ tx, action: "CLIENT_RESUME", scope, clientId, audit: options.audit, detail: { waiting: resumed.waiting } });
  return resumed;
}

/**
 * Active again, with a clean failure record (the pause clock starts at its next failure), and what waits delivered
 * in order. Null when it is not paused (any more): of a concurrent 恢复 and probe only one resumes.
 */
export async function reactivateClient(options: {
  tx: Prisma.TransactionClient;
  importClientId: number;
  now?: Date;
}): Promise<{ waiting: number } | null> {
  const { tx, importClientId } = options;
  const { count } = await tx.importClient.updateMany({
    where: { id: importClientId, status: "PAUSED" },
    data: { status: "ACTIVE", resumedAt: options.now ?? new Date(), failingSince: null, nextProbeAt: null },
  });
  if (count === 0) return null;
  const waiting = await tx.pushMessage.count({ where: { importClientId, dispatchStatus: "PENDING" } });
  await sendJob(deliverWaitingJob, { importClientId }, { tx });
  return { waiting };
}
