"use server";

// 注销卡: revokes an enterprise's card; it signs nothing from then on (docs/rules.md §5).
import { revokeCard } from "@/lib/cards/revoke-card";
import { db } from "@/lib/db/client";
import { ZRevokeCard } from "@/lib/validations/card-revocation";
import { adminAction } from "../admin-action";

export const revokeCardAction = adminAction("REVOKE_CARD", ZRevokeCard, async (input, actor) => {
  const { cardNo, revokedAt } = await revokeCard({ db, admin: { userId: actor.user.id, accountCode: actor.user.accountCode, ip: actor.ip }, input });
  return { cardNo, revokedAt: revokedAt.toISOString() };
});
