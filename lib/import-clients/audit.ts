// Audit entries (R20) for changes of an import client signed with the enterprise's card.
import { writeAudit, type AuditAction, type SignedAudit } from "@/lib/audit/log";
import type { Prisma } from "@/lib/db/client";
import type { EnterpriseScope } from "@/lib/db/tenancy";

export type SignedClientAudit = SignedAudit;

export function auditClientChange(options: {
  tx: Prisma.TransactionClient;
  action: AuditAction;
  scope: EnterpriseScope;
  clientId: string;
  audit: SignedClientAudit;
  detail?: Prisma.InputJsonValue;
}) {
  const { tx, action, scope, clientId, audit, detail } = options;
  return writeAudit(tx, { action, ...audit, enterpriseId: scope.enterpriseId, targetType: "ImportClient", targetId: clientId, detail });
}
