// Route handlers for customs admins: 401 without a session, 403 (audited, R20) for anyone else. Pages use
// requireAdmin(); server actions use lib/actions/admin-action.ts.
import { auditRefusal } from "@/lib/audit/refusal";
import type { Refusal } from "@/lib/errors";
import { renderRefusal } from "@/lib/i18n/refusal";
import { localeOf } from "@/lib/i18n/translator";
import { clientIp } from "./client-ip";
import type { SessionUser } from "./credentials";

export const requestIp = (request: Request): string | null => clientIp(request.headers);

export async function authorizeAdminRoute(options: {
  user: SessionUser | null;
  request: Request;
  route: string;
}): Promise<{ admin: SessionUser } | { refusal: Response }> {
  const { user, request, route } = options;
  const answer = (refusal: Refusal, status: number) => Response.json({ error: renderRefusal(refusal, localeOf(request)) }, { status });
  if (!user) return { refusal: answer({ key: "auth.sessionExpired" }, 401) };
  if (user.role === "CUSTOMS_ADMIN") return { admin: user };
  const adminOnly: Refusal = { key: "auth.adminOnlyFeature" };
  await auditRefusal({ user, target: route, refusal: adminOnly, ip: requestIp(request) });
  return { refusal: answer(adminOnly, 403) };
}
