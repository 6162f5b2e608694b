// Card registration by a customs admin: the card's SM2 public key (given as hex, or inside an X.509 certificate
// or a SubjectPublicKeyInfo PEM) is what every signature of that card is verified against (docs/rules.md §5, R2).
import { writeAudit } from "@/lib/audit/log";
import { CertificateError, pemToDer, sm2PublicKeyFromDer, type CertificateProblem } from "@/lib/card/certificate";
import { isSm2PublicKey } from "@/lib/crypto/sm2";
import type { Db } from "@/lib/db/client";
import { AppError, type Refusal, type RefusalKey } from "@/lib/errors";
import { formatShanghaiDateTime } from "@/lib/time/shanghai";
import type { TRegisterCard } from "@/lib/validations/card-registration";

const certificateRefusals: Record<CertificateProblem, RefusalKey> = {
  MALFORMED: "cards.certificateUnreadable",
  NOT_SM2: "cards.certificateNotSm2",
  NOT_SM3_SIGNED: "cards.certificateNotSm3Signed",
  KEY_OFF_CURVE: "cards.certificateKeyOffCurve",
  NOT_YET_VALID: "cards.certificateNotYetValid",
  EXPIRED: "cards.certificateExpired",
};

type CardKey = { publicKey: string; certificatePem: string | null; certificateNotBefore: Date | null; certificateNotAfter: Date | null };

/** A bare key (ZRegisterCard has checked it is on the SM2 curve) or a certificate's, refused unless the
 * certificate is SM2, its key on the curve, and valid at `now`. */
function cardKeyOf(text: string, now: Date): CardKey {
  if (isSm2PublicKey(text)) return { publicKey: text.toLowerCase(), certificatePem: null, certificateNotBefore: null, certificateNotAfter: null };
  if (!text.includes("-----BEGIN")) {
    throw new AppError("INVALID_INPUT", "cards.publicKeyFormat", undefined, { publicKey: { key: "cards.publicKeyHint" } });
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
    // Why the card module refused it (not SM2, off the curve, expired …), in the admin's words.
    const refusal: Refusal =
      error instanceof CertificateError
        ? { key: certificateRefusals[error.problem], values: error.at ? { at: formatShanghaiDateTime(error.at) } : undefined }
        : { key: "cards.certificateUnreadable" };
    throw new AppError("INVALID_INPUT", refusal.key, refusal.values, { publicKey: refusal });
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
    if (!enterprise) throw new AppError("NOT_FOUND", "cards.enterpriseNotFound", undefined, { customsCode: { key: "cards.noSuchCustomsCode" } });
    if (await tx.card.findUnique({ where: { cardNo: input.cardNo }, select: { id: true } })) {
      throw new AppError("CONFLICT", "cards.alreadyRegistered", undefined, { cardNo: { key: "cards.alreadyRegistered" } });
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
