"use server";

// 登记卡: registers an enterprise's legal-person or operator card with its SM2 public key (docs/rules.md §5).
import { registerCard } from "@/lib/cards/register-card";
import { db } from "@/lib/db/client";
import { ZRegisterCard } from "@/lib/validations/card-registration";
import { adminAction } from "../admin-action";

export const registerCardAction = adminAction("REGISTER_CARD", ZRegisterCard, async (input, actor) => {
  const card = await registerCard({ db, admin: { userId: actor.user.id, accountCode: actor.user.accountCode, ip: actor.ip }, input });
  // The validity the certificate gave, so the admin sees what was registered (null for a bare key).
  return {
    cardNo: card.cardNo,
    notBefore: card.certificateNotBefore?.toISOString() ?? null,
    notAfter: card.certificateNotAfter?.toISOString() ?? null,
  };
});
