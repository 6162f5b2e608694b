-- When a card was revoked (注销, lib/cards/revoke-card.ts): its signatures made before stay valid and show the
-- revocation; a card revoked before this column existed has none, so none of its signatures can be dated before it.

-- AlterTable
ALTER TABLE "Card" ADD COLUMN     "revokedAt" TIMESTAMPTZ(3);
