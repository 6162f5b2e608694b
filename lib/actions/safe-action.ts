// The one wrapper every enterprise server action is built from: session → role → enterprise scope →
// zod parse → (card signature check, inside the action's transaction) → lib function. Returns
// { ok: true, … } | { ok: false, error } and never throws to the browser.
import { headers } from "next/headers";
import type { z } from "zod";
import { clientIp } from "@/lib/auth/client-ip";
import type { SessionUser } from "@/lib/auth/credentials";
import { getSessionUser } from "@/lib/auth/session";
import { AppError, type ActionResult } from "@/lib/errors";
import { requestLocale } from "@/lib/i18n/request-locale";
import type { EnterpriseActor } from "@/lib/signing/context";
import type { RegisteredSignedAction } from "@/lib/signing/define";
import { parseOrThrow } from "@/lib/validations/parse";
import { runSignedAction, toActionError } from "./run-signed";

async function loadActor(): Promise<EnterpriseActor> {
  const user = await getSessionUser();
  if (!user) throw new AppError("UNAUTHORIZED", "auth.sessionExpired");
  if (user.role !== "ENTERPRISE_USER" || user.enterpriseId === null) throw new AppError("FORBIDDEN", "auth.enterpriseOnly");
  const ip = clientIp(await headers());
  return { user, scope: { enterpriseId: user.enterpriseId }, ip, locale: await requestLocale() };
}

/** An action on the signed-in user's own account, for either role (修改密码). */
export function userAction<T extends z.ZodType, R extends object>(
  schema: T,
  handler: (input: z.infer<T>, actor: { user: SessionUser; ip: string | null }) => Promise<R>,
) {
  return async (input: z.input<T>): Promise<ActionResult<R>> => {
    try {
      const user = await getSessionUser();
      if (!user) throw new AppError("UNAUTHORIZED", "auth.sessionExpired");
      const ip = clientIp(await headers());
      return { ok: true, ...(await handler(parseOrThrow(schema, input), { user, ip })) };
    } catch (error) {
      return toActionError(error, await requestLocale());
    }
  };
}

/** An enterprise action without a card signature (queries, challenges). */
export function enterpriseAction<T extends z.ZodType, R extends object>(
  schema: T,
  handler: (input: z.infer<T>, actor: EnterpriseActor) => Promise<R>,
) {
  return async (input: z.input<T>): Promise<ActionResult<R>> => {
    try {
      const actor = await loadActor();
      return { ok: true, ...(await handler(parseOrThrow(schema, input), actor)) };
    } catch (error) {
      return toActionError(error, await requestLocale());
    }
  };
}

/**
 * An enterprise action signed with the enterprise's card (R2), as its definition says (lib/signing/registry.ts).
 * The server action carries its definition's name, so that the test suites find the case of each signed action.
 */
export function signedEnterpriseAction<T extends z.ZodType, R extends object>(definition: RegisteredSignedAction<T, R>) {
  const action = async (request: { payload: z.input<T>; proof: unknown }): Promise<ActionResult<R>> => {
    let actor: EnterpriseActor;
    try {
      actor = await loadActor();
    } catch (error) {
      return toActionError(error, await requestLocale());
    }
    return runSignedAction({ actor, definition, request });
  };
  return Object.assign(action, { signedAction: definition.name });
}
