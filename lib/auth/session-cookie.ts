// Session cookie policy. Auth.js always sets its cookies HttpOnly, SameSite=Lax and Path=/; it adds Secure and
// the __Secure- name prefix when the request came over https (X-Forwarded-Proto from the proxy). Production
// is served only over https, so there they are forced: a proxy that forgets the header must not downgrade them.
import { resolveAppMode } from "@/lib/config/env";

/** A working day: the user signs in again after 8 hours. */
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

export function sessionCookieOptions(env: Record<string, string | undefined> = process.env): { useSecureCookies?: true } {
  return resolveAppMode(env) === "production" ? { useSecureCookies: true } : {};
}
