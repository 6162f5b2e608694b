-- The validity period of a card's certificate (lib/card/certificate.ts), kept at registration so it can be
-- shown and checked; null for a card registered with a bare public key (and for cards registered before).

-- AlterTable
ALTER TABLE "Card" ADD COLUMN     "certificateNotAfter" TIMESTAMPTZ(3),
ADD COLUMN     "certificateNotBefore" TIMESTAMPTZ(3);
