// The signed part of every enterprise action, free of Next.js request APIs so integration tests run the
// very same path: parse → verify the card signature and consume its challenge → handler, in one
// transaction; a refusal is audited and writes nothing else.
import type { z } from "zod";
import { writeAudit, type SignedAudit } from "@/lib/audit/log";
import { logger } from "@/lib/log/logger";
import { metrics } from "@/lib/metrics/registry";
import type { SessionUser } from "@/lib/auth/credentials";
import { db, type Prisma } from "@/lib/db/client";
import type { EnterpriseScope } from "@/lib/db/tenancy";
import { AppError, GENERIC_REFUSAL, type ActionFailure, type ActionResult } from "@/lib/errors";
import { renderAppError, renderRefusal } from "@/lib/i18n/refusal";
import type { Locale } from "@/lib/i18n/locales";
import type { SignedAction } from "@/lib/signing/actions";
import { verifyAndConsume } from "@/lib/signing/challenge";
import { parseOrThrow } from "@/lib/validations/parse";
import { ZSignedProof } from "@/lib/validations/signing";

export interface EnterpriseActor {
  user: SessionUser;
  scope: EnterpriseScope;
  ip: string | null;
  /** The language refusals are rendered in. */
  locale?: Locale;
}

export interface SignedContext {
  tx: Prisma.TransactionClient;
  card: { id: number; cardNo: string; kind: string; holder: string };
  signature: string;
  signedPayload: string;
  /** The action's audit fields, signed bytes included; every signed action writes its entry with these. */
  audit: SignedAudit;
}

export function toActionError(error: unknown, locale?: Locale): ActionFailure {
  if (error instanceof AppError) return renderAppError(error, locale);
  logger("action").error({ err: error }, "unexpected error");
  return { ok: false, error: renderRefusal(GENERIC_REFUSAL, locale) };
}

export async function runSignedAction<T extends z.ZodType, R extends object>(options: {
  actor: EnterpriseActor;
  action: SignedAction;
  schema: T;
  request: { payload: unknown; proof: unknown };
  handler: (input: z.infer<T>, actor: EnterpriseActor, signed: SignedContext) => Promise<R>;
}): Promise<ActionResult<R>> {
  const { actor, action } = options;
  try {
    // A caller may send anything, null included; it is then a request without payload and proof.
    const payload = parseOrThrow(options.schema, options.request?.payload);
    const proof = parseOrThrow(ZSignedProof, options.request?.proof);
    const result = await db.$transaction(
      async (tx) => {
        const { card, message, evidence } = await verifyAndConsume({
          tx,
          userId: actor.user.id,
          enterpriseId: actor.scope.enterpriseId,
          action,
          payload,
          proof,
        });
        const audit: SignedAudit = {
          actorUserId: actor.user.id,
          actorAccount: actor.user.accountCode,
          ip: actor.ip,
          cardNo: card.cardNo,
          signature: proof.signature,
          ...evidence,
        };
        return options.handler(payload, actor, { tx, card, signature: proof.signature, signedPayload: message, audit });
      },
      { timeout: 30_000 },
    );
    return { ok: true, ...result };
  } catch (error) {
    if (error instanceof AppError) {
      if (error.code === "SIGNATURE_INVALID" || error.code === "FORBIDDEN") metrics.signatureRefusals.inc({ action });
      await writeAudit(db, {
        action: error.code === "SIGNATURE_INVALID" || error.code === "FORBIDDEN" ? "SIGNATURE_REFUSED" : "ACTION_REFUSED",
        outcome: "REFUSED",
        actorUserId: actor.user.id,
        actorAccount: actor.user.accountCode,
        enterpriseId: actor.scope.enterpriseId,
        targetType: action,
        detail: { reason: error.refusal.key, values: error.refusal.values },
        ip: actor.ip,
      }).catch((auditError) => logger("audit").error({ err: auditError }, "writing a refusal failed"));
    }
    return toActionError(error, actor.locale);
  }
}
