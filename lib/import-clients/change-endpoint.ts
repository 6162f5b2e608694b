// 修改接收地址: where the platform posts the client's messages from now on, retries of earlier ones included.
import type { Prisma } from "@/lib/db/client";
import type { EnterpriseScope } from "@/lib/db/tenancy";
import { AppError } from "@/lib/errors";
import { auditClientChange, type SignedClientAudit } from "./audit";
import { assertEndpointAllowed } from "./endpoint-policy";
import { findOwnedClient } from "./find-owned";

export async function changeClientEndpoint(options: {
  tx: Prisma.TransactionClient;
  scope: EnterpriseScope;
  clientId: string;
  endpointUrl: string;
  audit: SignedClientAudit;
}): Promise<void> {
  const { tx, scope, clientId, endpointUrl } = options;
  const client = await findOwnedClient({ db: tx, scope, clientId });
  if (client.endpointUrl === endpointUrl)
    throw new AppError("RULE_VIOLATION", "importClients.endpointUnchanged", undefined, { endpointUrl: { key: "importClients.endpointUnchanged" } });
  await assertEndpointAllowed({ endpointUrl });
  await tx.importClient.update({ where: { id: client.id }, data: { endpointUrl } });
  await auditClientChange({
    tx,
    action: "CLIENT_ENDPOINT",
    scope,
    clientId,
    audit: options.audit,
    detail: { endpointUrl, previousEndpointUrl: client.endpointUrl },
  });
}
