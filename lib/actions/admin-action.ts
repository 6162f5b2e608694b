// The one wrapper every customs-admin server action is built from (the admin twin of safe-action.ts): it
// loads the session and the request's IP and hands over to runAdminAction.
import { headers } from "next/headers";
import type { z } from "zod";
import { clientIp } from "@/lib/auth/client-ip";
import { getSessionUser } from "@/lib/auth/session";
import type { ActionResult } from "@/lib/errors";
import { requestLocale } from "@/lib/i18n/request-locale";
import { runAdminAction, type AdminActor } from "./run-admin";

export function adminAction<T extends z.ZodType, R extends object>(
  name: string,
  schema: T,
  handler: (input: z.infer<T>, actor: AdminActor) => Promise<R>,
) {
  return async (input: z.input<T>): Promise<ActionResult<R>> => {
    const ip = clientIp(await headers());
    return runAdminAction({ name, loadUser: getSessionUser, ip, locale: await requestLocale(), schema, input, handler });
  };
}
