// Card registration by a customs admin: the card's SM2 public key (given as hex, or inside an X.509 certificate
// or a SubjectPublicKeyInfo PEM) is what every signature of that card is verified against (docs/rules.md §5, R2).
import { writeAudit } from "@/lib/audit/log";
import { pemToDer, sm2PublicKeyFromDer } from "@/lib/card/certificate";
import { CardError } from "@/lib/card/errors";
import { isSm2PublicKey } from "@/lib/crypto/sm2";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { TRegisterCard } from "@/lib/validations/card-registration";

type CardKey = { publicKey: string; certificatePem: string | null; certificateNotBefore: Date | null; certificateNotAfter: Date | null };

/** A bare key (ZRegisterCard has checked it is on the SM2 curve) or a certificate's, refused unless the
 * certificate is SM2, its key on the curve, and valid at `now`. */
function cardKeyOf(text: string, now: Date): CardKey {
  if (isSm2PublicKey(text)) return { publicKey: text.toLowerCase(), certificatePem: null, certificateNotBefore: null, certificateNotAfter: null };
  if (!text.includes("-----BEGIN")) {
    throw new AppError("INVALID_INPUT", "公钥格式错误", { publicKey: "请粘贴 04 开头的 130 位十六进制公钥或 PEM 证书" });
  }
  try {
    const parsed = sm2PublicKeyFromDer(pemToDer(text), now);
    return {
      publicKey: parsed.publicKeyHex,
      certificatePem: parsed.isCertificate ? text : null,
      certificateNotBefore: parsed.validity?.notBefore ?? null,
      certificateNotAfter: parsed.validity?.notAfter ?? null,
    };
  } catch (error) {
    // The card module's reason (not SM2, off the curve, expired …), without its card-reader wording.
    const reason = (error instanceof CardError && error.detail) || "无法读取证书中的 SM2 公钥";
    throw new AppError("INVALID_INPUT", reason, { publicKey: `${reason}，请核对证书` });
  }
}

export async function registerCard(options: {
  db: Db;
  admin: { userId: number; accountCode: string; ip?: string | null };
  input: TRegisterCard;
  now?: Date;
}) {
  const { db, admin, input } = options;
  const key = cardKeyOf(input.publicKey, options.now ?? new Date());
  return db.$transaction(async (tx) => {
    const enterprise = await tx.enterprise.findUnique({ where: { customsCode: input.customsCode }, select: { id: true } });
    if (!enterprise) throw new AppError("NOT_FOUND", "企业不存在", { customsCode: "没有该海关十位编码的企业" });
    if (await tx.card.findUnique({ where: { cardNo: input.cardNo }, select: { id: true } })) {
      throw new AppError("CONFLICT", "该卡号已登记", { cardNo: "该卡号已登记" });
    }
    const card = await tx.card.create({
      data: { cardNo: input.cardNo, kind: input.kind, holder: input.holder, enterpriseId: enterprise.id, ...key },
    });
    await writeAudit(tx, {
      action: "CARD_REGISTERED",
      actorUserId: admin.userId,
      actorAccount: admin.accountCode,
      enterpriseId: enterprise.id,
      targetType: "Card",
      targetId: card.cardNo,
      cardNo: card.cardNo,
      detail: { kind: card.kind, holder: card.holder },
      ip: admin.ip,
    });
    return card;
  });
}
