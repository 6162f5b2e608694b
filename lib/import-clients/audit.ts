// Audit entries (R20) for changes of an import client signed with the enterprise's card.
import { writeAudit, type AuditAction } from "@/lib/audit/log";
import type { Prisma } from "@/lib/db/client";
import type { EnterpriseScope } from "@/lib/db/tenancy";

export interface SignedClientAudit {
  actorUserId: number;
  actorAccount: string;
  cardNo: string;
  signature: string;
  ip?: string | null;
}

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
