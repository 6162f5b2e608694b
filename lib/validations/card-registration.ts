// Registering an enterprise's card (docs/rules.md §5): its number, kind, holder and SM2 public key or certificate.
import { z } from "zod";
import { isSm2PublicKey } from "@/lib/crypto/sm2";
import { ZCardNo, ZCustomsCode } from "./identifiers";

export const ZRegisterCard = z.object({
  customsCode: ZCustomsCode,
  cardNo: ZCardNo,
  kind: z.enum(["LEGAL_PERSON", "OPERATOR"], "cards.kindRequired"),
  holder: z.string().trim().min(1, "cards.holderRequired").max(50, "cards.holderTooLong"),
  publicKey: z
    .string()
    .trim()
    .min(1, "cards.publicKeyRequired")
    .max(20_000, "cards.certificateTooLong")
    // A certificate is checked where it is read (lib/cards/register-card.ts); a bare key here, also in the form.
    .refine((key) => !/^[0-9a-fA-F]+$/.test(key) || isSm2PublicKey(key), "cards.notSm2Key"),
});
export type TRegisterCard = z.infer<typeof ZRegisterCard>;
