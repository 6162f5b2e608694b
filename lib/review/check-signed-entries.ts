// 签名复验 of a page of audit entries: one query for the cards they name, then verify-signed-entry.ts per entry.
import type { Db } from "@/lib/db/client";
import { verifySignedEntry, type SignedEntry, type SignedEntryCheck } from "./verify-signed-entry";

/** A check for each entry that carries a signature (by position), null for the others. */
export async function checkSignedEntries(options: {
  db: Db;
  entries: (Omit<SignedEntry, "cardNo" | "signature"> & { cardNo: string | null; signature: string | null })[];
}): Promise<(SignedEntryCheck | null)[]> {
  const cardNos = [...new Set(options.entries.flatMap((e) => (e.signature && e.cardNo ? [e.cardNo] : [])))];
  const cards = cardNos.length
    ? await options.db.card.findMany({
        where: { cardNo: { in: cardNos } },
        select: { cardNo: true, publicKey: true, status: true, kind: true, enterpriseId: true, revokedAt: true },
      })
    : [];
  const byNo = new Map(cards.map((card) => [card.cardNo, card]));
  return options.entries.map(({ cardNo, signature, ...entry }) =>
    signature && cardNo ? verifySignedEntry({ ...entry, cardNo, signature }, byNo.get(cardNo) ?? null) : null,
  );
}
