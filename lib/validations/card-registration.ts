// Registering an enterprise's card (docs/rules.md §5): its number, kind, holder and SM2 public key or certificate.
import { z } from "zod";
import { isSm2PublicKey } from "@/lib/crypto/sm2";
import { ZCardNo, ZCustomsCode } from "./identifiers";

export const ZRegisterCard = z.object({
  customsCode: ZCustomsCode,
  cardNo: ZCardNo,
  kind: z.enum(["LEGAL_PERSON", "OPERATOR"], "请选择卡类型"),
  holder: z.string().trim().min(1, "请填写持卡人").max(50, "持卡人最多 50 个字"),
  publicKey: z
    .string()
    .trim()
    .min(1, "请粘贴 SM2 公钥（04 开头的十六进制）或 PEM 证书")
    .max(20_000, "证书过长")
    // A certificate is checked where it is read (lib/cards/register-card.ts); a bare key here, also in the form.
    .refine((key) => !/^[0-9a-fA-F]+$/.test(key) || isSm2PublicKey(key), "不是有效的 SM2 公钥：应为 04 开头的 130 位十六进制，且是 SM2 曲线上的点"),
});
export type TRegisterCard = z.infer<typeof ZRegisterCard>;
