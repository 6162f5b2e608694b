// An ACTIVE incremental subscription of demo enterprise 1 (lib/demo/seed.ts) to a seeded manual, on its import
// client bound to the legal-person card, so that an approved change of the manual is delivered to it.
import { db } from "@/lib/db/client";

export const DEMO_ENTERPRISE = "3201931234";
const LEGAL_PERSON_CARD = "8600000100001";

export async function subscribeDemoEnterprise(manual: { id: number; emsNo: string }) {
  const enterprise = await db.enterprise.findUniqueOrThrow({ where: { customsCode: DEMO_ENTERPRISE }, select: { id: true } });
  const card = await db.card.findUniqueOrThrow({ where: { cardNo: LEGAL_PERSON_CARD }, select: { id: true } });
  const client = await db.importClient.findFirstOrThrow({
    where: { enterpriseId: enterprise.id, boundCardNo: LEGAL_PERSON_CARD },
    select: { id: true },
  });
  return db.subscription.create({
    data: {
      enterpriseId: enterprise.id,
      importClientId: client.id,
      signingCardId: card.id,
      enteredBy: "SW10000001",
      validUntil: new Date(Date.now() + 30 * 86_400_000),
      incrementalManualId: manual.id,
      incrementalEmsNo: manual.emsNo,
      signedPayload: "{}",
      signature: "00",
    },
    select: { id: true },
  });
}
