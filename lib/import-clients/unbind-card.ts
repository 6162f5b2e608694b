// 解绑卡介质: the client leaves the subscription form's picker (R3). Subscriptions that already chose it keep
// being delivered to it: unbinding is not cancelling.
import type { Prisma } from "@/lib/db/client";
import type { EnterpriseScope } from "@/lib/db/tenancy";
import { AppError } from "@/lib/errors";
import { auditClientChange, type SignedClientAudit } from "./audit";
import { findOwnedClient } from "./find-owned";

export async function unbindCardFromClient(options: {
  tx: Prisma.TransactionClient;
  scope: EnterpriseScope;
  clientId: string;
  audit: SignedClientAudit;
}): Promise<void> {
  const { tx, scope, clientId } = options;
  const client = await findOwnedClient({ db: tx, scope, clientId });
  if (!client.boundCardNo) throw new AppError("RULE_VIOLATION", "importClients.notBound");
  await tx.importClient.update({ where: { id: client.id }, data: { boundCardNo: null } });
  await auditClientChange({ tx, action: "CLIENT_UNBIND", scope, clientId, audit: options.audit, detail: { cardNo: client.boundCardNo } });
}
