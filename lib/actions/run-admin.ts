// The customs-admin part of every admin action, free of Next.js request APIs so that integration tests run
// the very same path with a session of their choosing: session → CUSTOMS_ADMIN → zod → handler. Returns
// { ok: true, … } | { ok: false, error } and never throws; a refusal of a signed-in user is audited (R20).
import type { z } from "zod";
import { auditRefusal } from "@/lib/audit/refusal";
import { logger } from "@/lib/log/logger";
import type { SessionUser } from "@/lib/auth/credentials";
import { AppError, type ActionResult, type AppErrorCode } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locales";
import { ManualChangeError, type ManualChangeErrorCode } from "@/lib/manuals/errors";
import { parseOrThrow } from "@/lib/validations/parse";
import { toActionError } from "./run-signed";

export interface AdminActor {
  user: SessionUser;
  ip: string | null;
}

const manualChangeErrorCodes: Record<ManualChangeErrorCode, AppErrorCode> = {
  NOT_FOUND: "NOT_FOUND",
  ALREADY_DECIDED: "CONFLICT",
  OUT_OF_ORDER: "RULE_VIOLATION",
  INVALID_CONTENT: "RULE_VIOLATION",
};

/** Domain refusals become AppErrors (their messages are written for the user); anything else stays a bug. */
function asRefusal(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  if (error instanceof ManualChangeError) return new AppError(manualChangeErrorCodes[error.code], error.reason, error.values);
  return null;
}

function requireAdminActor(user: SessionUser | null, ip: string | null): AdminActor {
  if (!user) throw new AppError("UNAUTHORIZED", "auth.sessionExpired");
  if (user.role !== "CUSTOMS_ADMIN") throw new AppError("FORBIDDEN", "auth.adminOnly");
  return { user, ip };
}

export async function runAdminAction<T extends z.ZodType, R extends object>(options: {
  /** Names the action in the audit log when it is refused. */
  name: string;
  loadUser: () => Promise<SessionUser | null>;
  ip: string | null;
  locale?: Locale;
  schema: T;
  input: unknown;
  handler: (input: z.infer<T>, actor: AdminActor) => Promise<R>;
}): Promise<ActionResult<R>> {
  let user: SessionUser | null = null;
  try {
    user = await options.loadUser();
    const actor = requireAdminActor(user, options.ip);
    return { ok: true, ...(await options.handler(parseOrThrow(options.schema, options.input), actor)) };
  } catch (error) {
    const refusal = asRefusal(error);
    if (!refusal) return toActionError(error, options.locale);
    if (user) {
      const subject = error instanceof ManualChangeError && error.manualChangeId ? { type: "ManualChange", id: error.manualChangeId } : undefined;
      await auditRefusal({ user, target: options.name, subject, refusal: refusal.refusal, ip: options.ip }).catch((auditError) =>
        logger("audit").error({ err: auditError }, "writing a refusal failed"),
      );
    }
    return toActionError(refusal, options.locale);
  }
}
