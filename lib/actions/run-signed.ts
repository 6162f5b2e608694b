// The signed part of every enterprise action, free of Next.js request APIs so integration tests run the
// very same path: parse → in one transaction: the challenge, the definition's checks and the signed content
// derived again, the card signature verified and the challenge consumed → the definition's handle; a refusal is audited
// and writes nothing else.
import type { z } from "zod";
import { writeAudit, type SignedAudit } from "@/lib/audit/log";
import { logger } from "@/lib/log/logger";
import { metrics } from "@/lib/metrics/registry";
import { db } from "@/lib/db/client";
import { AppError, GENERIC_REFUSAL, type ActionFailure, type ActionResult } from "@/lib/errors";
import { renderAppError, renderRefusal } from "@/lib/i18n/refusal";
import type { Locale } from "@/lib/i18n/locales";
import { verifyAndConsume } from "@/lib/signing/challenge";
import type { EnterpriseActor } from "@/lib/signing/context";
import type { RegisteredSignedAction } from "@/lib/signing/define";
import { deriveSignedContent } from "@/lib/signing/signed-content";
import { parseOrThrow } from "@/lib/validations/parse";
import { ZSignedProof } from "@/lib/validations/signing";

export function toActionError(error: unknown, locale?: Locale): ActionFailure {
  if (error instanceof AppError) return renderAppError(error, locale);
  logger("action").error({ err: error }, "unexpected error");
  return { ok: false, error: renderRefusal(GENERIC_REFUSAL, locale) };
}

export async function runSignedAction<T extends z.ZodType, R extends object>(options: {
  actor: EnterpriseActor;
  definition: RegisteredSignedAction<T, R>;
  request: { payload: unknown; proof: unknown };
}): Promise<ActionResult<R>> {
  const { actor, definition } = options;
  const action = definition.name;
  try {
    // A caller may send anything, null included; it is then a request without payload and proof.
    const payload = parseOrThrow(definition.schema, options.request?.payload);
    const proof = parseOrThrow(ZSignedProof, options.request?.proof);
    const result = await db.$transaction(
      async (tx) => {
        const { card, message, evidence } = await verifyAndConsume({
          tx,
          userId: actor.user.id,
          enterpriseId: actor.scope.enterpriseId,
          action,
          cardKinds: definition.cardKinds,
          deriveContent: async () => (await deriveSignedContent(definition, payload, { tx, actor, now: new Date() })).content,
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
        return definition.handle(payload, actor, { tx, card, signature: proof.signature, signedMessage: message, audit });
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
