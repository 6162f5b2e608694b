// Where sign-in returns to: the page a signed-out visitor asked for (R2's guard sent them to sign-in). Only a
// path on this site is followed, never another origin ("//host", "/\host") or the sign-in page itself.
export const RETURN_PATH_HEADER = "x-portal-path";

export function safeReturnPath(value: string | null | undefined): string | null {
  if (!value || value.length > 2048) return null;
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return null;
  if (/[\u0000-\u001f]/.test(value)) return null;
  const path = value.split(/[?#]/, 1)[0];
  if (path === "/" || path === "/login" || path.startsWith("/api/")) return null;
  return value;
}

/** The sign-in address that returns to `path` afterwards. */
export function signInPathFor(path: string | null | undefined): string {
  const returnTo = safeReturnPath(path);
  return returnTo ? `/login?next=${encodeURIComponent(returnTo)}` : "/login";
}
