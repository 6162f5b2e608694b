// Single-use signing challenges (docs/rules.md §5, docs/signing.md): issued for a user and the SM3 digest of the
// signed content (action, enterprise, statement, normalised payload); verified against the registered card key
// and consumed in the action's transaction, where the server derives the content again and refuses a mismatch.
// At most SIGNING_CHALLENGES_PER_MINUTE per user, counted in the database so that every web instance agrees.
import { randomUUID } from "node:crypto";
import { config } from "@/lib/config/env";
import type { Db, Prisma } from "@/lib/db/client";
import { sm2Verify, sm3Hex } from "@/lib/crypto/sm2";
import { AppError } from "@/lib/errors";
import { canonicalJson, SIGNED_FORMAT, signingMessage, type SignedContent } from "./canonical";
import type { CardKind } from "./define";

export const CHALLENGE_TTL_MS = 2 * 60_000;
const RATE_WINDOW_MS = 60_000;
/** Two-key advisory lock namespace: one user's challenge requests queue behind each other, not other users'. */
const CHALLENGE_LOCK = 0x5349_474e; // "SIGN"

export interface SignedProof {
  challengeId: string;
  cardNo: string;
  signature: string;
}

const contentDigest = (content: SignedContent) => sm3Hex(canonicalJson(content));

export async function issueChallenge(options: { db: Db; userId: number; content: SignedContent; now?: Date }) {
  const now = options.now ?? new Date();
  const id = randomUUID();
  await options.db.$transaction(async (tx) => {
    // Count and insert under the user's lock: concurrent requests on several instances cannot pass the limit.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CHALLENGE_LOCK}::int, ${options.userId}::int)`;
    const recent = await tx.signingChallenge.count({
      where: { userId: options.userId, createdAt: { gt: new Date(now.getTime() - RATE_WINDOW_MS) } },
    });
    if (recent >= config().SIGNING_CHALLENGES_PER_MINUTE) throw new AppError("RULE_VIOLATION", "signing.tooFrequent");
    await tx.signingChallenge.create({
      data: {
        id,
        userId: options.userId,
        action: options.content.action,
        payloadDigest: contentDigest(options.content),
        createdAt: now,
        expiresAt: new Date(now.getTime() + CHALLENGE_TTL_MS),
      },
    });
  });
  return { challengeId: id };
}

/**
 * Drops challenges nobody can use any more: expired ones, and consumed ones older than the rate window (younger
 * ones still count towards the limit). Run by the worker (lib/jobs/definitions/prune-signing-challenges.ts).
 */
export async function pruneChallenges(options: { db: Db; now?: Date }): Promise<number> {
  const now = options.now ?? new Date();
  const { count } = await options.db.signingChallenge.deleteMany({
    where: {
      OR: [{ expiresAt: { lt: now } }, { consumedAt: { not: null }, createdAt: { lt: new Date(now.getTime() - RATE_WINDOW_MS) } }],
    },
  });
  return count;
}

/**
 * Verifies a signed request inside the action's transaction and consumes its challenge: first the challenge
 * itself (so a replay is reported as one), then the content, derived again by the server, must be the one the
 * challenge was issued for, and the card must have signed it with the challenge and its own number. Throws
 * AppError(SIGNATURE_INVALID | FORBIDDEN) or the derivation's refusal; the transaction then rolls back.
 */
export async function verifyAndConsume(options: {
  tx: Prisma.TransactionClient;
  userId: number;
  enterpriseId: number;
  action: string;
  cardKinds: readonly CardKind[];
  /** The action's checks and statement (signed-content.ts), run once the challenge is known to be usable. */
  deriveContent: () => Promise<SignedContent>;
  proof: SignedProof;
  now?: Date;
}) {
  const { tx, proof } = options;
  const now = options.now ?? new Date();
  const challenge = await tx.signingChallenge.findUnique({ where: { id: proof.challengeId } });
  if (!challenge || challenge.userId !== options.userId || challenge.action !== options.action) {
    throw new AppError("SIGNATURE_INVALID", "signing.challengeInvalid");
  }
  if (challenge.consumedAt) throw new AppError("SIGNATURE_INVALID", "signing.alreadyUsed");
  if (challenge.expiresAt < now) throw new AppError("SIGNATURE_INVALID", "signing.expired");
  const content = await options.deriveContent();
  if (challenge.payloadDigest !== contentDigest(content)) throw new AppError("SIGNATURE_INVALID", "signing.payloadChanged");

  const card = await tx.card.findUnique({ where: { cardNo: proof.cardNo } });
  if (!card || card.status !== "ACTIVE") throw new AppError("SIGNATURE_INVALID", "signing.cardNotRegistered");
  if (card.enterpriseId !== options.enterpriseId) throw new AppError("FORBIDDEN", "signing.notOwnCard");
  if (!(options.cardKinds as readonly string[]).includes(card.kind)) throw new AppError("FORBIDDEN", "signing.legalPersonRequired");
  // A card registered with its certificate signs only within the certificate's validity.
  if (card.certificateNotAfter && card.certificateNotAfter < now) throw new AppError("SIGNATURE_INVALID", "signing.certificateExpired");
  if (card.certificateNotBefore && card.certificateNotBefore > now) throw new AppError("SIGNATURE_INVALID", "signing.certificateNotYetValid");
  const message = signingMessage(content, challenge.id, card.cardNo);
  // The very bytes verified are the ones the audit entry keeps (run-signed.ts).
  const signedBytes = new TextEncoder().encode(message);
  if (!sm2Verify(card.publicKey, signedBytes, proof.signature)) throw new AppError("SIGNATURE_INVALID", "signing.verifyFailed");

  // Conditional update: of two concurrent uses of one challenge only one consumes it.
  const consumed = await tx.signingChallenge.updateMany({
    where: { id: challenge.id, consumedAt: null },
    data: { consumedAt: now },
  });
  if (consumed.count !== 1) throw new AppError("SIGNATURE_INVALID", "signing.alreadyUsed");
  return { card, message, evidence: { signedMessage: signedBytes, signedFormat: SIGNED_FORMAT } };
}
