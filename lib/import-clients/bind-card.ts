// 绑定/更换卡介质: binds one of the enterprise's own ACTIVE cards to its import client; from then on the client
// is offered in the subscription form (R3).
import type { Prisma } from "@/lib/db/client";
import { ownedBy, type EnterpriseScope } from "@/lib/db/tenancy";
import { AppError } from "@/lib/errors";
import { auditClientChange, type SignedClientAudit } from "./audit";
import { findOwnedClient } from "./find-owned";

export async function bindCardToClient(options: {
  tx: Prisma.TransactionClient;
  scope: EnterpriseScope;
  clientId: string;
  cardNo: string;
  audit: SignedClientAudit;
}): Promise<void> {
  const { tx, scope, clientId, cardNo } = options;
  const client = await findOwnedClient({ db: tx, scope, clientId });
  await assertBindableCard({ db: tx, scope, cardNo });
  if (client.boundCardNo === cardNo)
    throw new AppError(
      "RULE_VIOLATION",
      "importClients.alreadyBound",
      { cardNo },
      { cardNo: { key: "importClients.alreadyBound", values: { cardNo } } },
    );
  await tx.importClient.update({ where: { id: client.id }, data: { boundCardNo: cardNo } });
  await auditClientChange({
    tx,
    action: "CLIENT_BIND",
    scope,
    clientId,
    audit: options.audit,
    detail: { cardNo, previousCardNo: client.boundCardNo },
  });
}

/** Only the enterprise's own cards that are still ACTIVE; any other card number reads as unknown. */
export async function assertBindableCard(options: { db: Prisma.TransactionClient; scope: EnterpriseScope; cardNo: string }) {
  const card = await options.db.card.findFirst({
    where: { ...ownedBy(options.scope), cardNo: options.cardNo, status: "ACTIVE" },
    select: { id: true },
  });
  if (!card) {
    throw new AppError("INVALID_INPUT", "importClients.cardNotBindable", undefined, { cardNo: { key: "importClients.cardNotBindable" } });
  }
}
