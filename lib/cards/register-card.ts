// Card registration by a customs admin: the card's SM2 public key (given as hex, or inside an X.509 certificate
// or a SubjectPublicKeyInfo PEM) is what every signature of that card is verified against (SPEC §5, R2).
import { writeAudit } from "@/lib/audit/log";
import { pemToDer, sm2PublicKeyFromDer } from "@/lib/card/certificate";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { TRegisterCard } from "@/lib/validations/card-registration";

function publicKeyOf(text: string): { publicKey: string; certificatePem: string | null } {
  if (/^04[0-9a-fA-F]{128}$/.test(text)) return { publicKey: text.toLowerCase(), certificatePem: null };
  if (!text.includes("-----BEGIN")) {
    throw new AppError("INVALID_INPUT", "公钥格式错误", { publicKey: "请粘贴 04 开头的 130 位十六进制公钥或 PEM 证书" });
  }
  try {
    const parsed = sm2PublicKeyFromDer(pemToDer(text));
    return { publicKey: parsed.publicKeyHex, certificatePem: parsed.isCertificate ? text : null };
  } catch {
    throw new AppError("INVALID_INPUT", "无法读取证书中的 SM2 公钥", { publicKey: "无法读取证书中的 SM2 公钥，请核对证书" });
  }
}

export async function registerCard(options: { db: Db; admin: { userId: number; accountCode: string; ip?: string | null }; input: TRegisterCard }) {
  const { db, admin, input } = options;
  const key = publicKeyOf(input.publicKey);
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
      action: "CARD_REGISTERED", actorUserId: admin.userId, actorAccount: admin.accountCode, enterpriseId: enterprise.id,
      targetType: "Card", targetId: card.cardNo, cardNo: card.cardNo, detail: { kind: card.kind, holder: card.holder }, ip: admin.ip,
    });
    return card;
  });
}
