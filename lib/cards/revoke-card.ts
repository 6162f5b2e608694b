// 注销 of a card by a customs admin (docs/rules.md §5): from then on it can neither sign (lib/signing/challenge.ts
// accepts ACTIVE cards only) nor be bound to an import client (lib/import-clients/bind-card.ts); its signatures
// made before stay valid and show since when it is revoked (lib/review/verify-signed-entry.ts). Revocation is
// final: a replaced card is registered anew.
import { writeAudit } from "@/lib/audit/log";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { TRevokeCard } from "@/lib/validations/card-revocation";

export async function revokeCard(options: {
  db: Db;
  admin: { userId: number; accountCode: string; ip?: string | null };
  input: TRevokeCard;
  now?: Date;
}): Promise<{ cardNo: string; revokedAt: Date }> {
  const { db, admin, input } = options;
  const revokedAt = options.now ?? new Date();
  return db.$transaction(async (tx) => {
    const card = await tx.card.findUnique({
      where: { cardNo: input.cardNo },
      select: { id: true, kind: true, holder: true, enterpriseId: true, boundClients: { select: { clientId: true }, orderBy: { clientId: "asc" } } },
    });
    if (!card)
      throw new AppError(
        "NOT_FOUND",
        "cards.notFound",
        { cardNo: input.cardNo },
        { cardNo: { key: "cards.notFound", values: { cardNo: input.cardNo } } },
      );
    // Conditional, so that of two admins revoking at once one is told it is done already.
    const revoked = await tx.card.updateMany({ where: { id: card.id, status: "ACTIVE" }, data: { status: "REVOKED", revokedAt } });
    if (revoked.count !== 1) throw new AppError("CONFLICT", "cards.alreadyRevoked", { cardNo: input.cardNo });
    await writeAudit(tx, {
      action: "CARD_REVOKED",
      actorUserId: admin.userId,
      actorAccount: admin.accountCode,
      enterpriseId: card.enterpriseId,
      targetType: "Card",
      targetId: input.cardNo,
      cardNo: input.cardNo,
      // The clients still bound to it: they keep receiving, and the enterprise has to bind another card.
      detail: { kind: card.kind, holder: card.holder, reason: input.reason, boundClientIds: card.boundClients.map((c) => c.clientId) },
      ip: admin.ip,
    });
    return { cardNo: input.cardNo, revokedAt };
  });
}
