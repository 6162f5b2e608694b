// Route handlers for customs admins: 401 without a session, 403 (audited, R20) for anyone else. Pages use
// requireAdmin(); server actions use lib/actions/admin-action.ts.
import { auditRefusal } from "@/lib/audit/refusal";
import { clientIp } from "./client-ip";
import type { SessionUser } from "./credentials";

const ADMIN_ONLY = "仅海关管理员可以使用此功能";

export const requestIp = (request: Request): string | null => clientIp(request.headers);

export async function authorizeAdminRoute(options: {
  user: SessionUser | null;
  request: Request;
  route: string;
}): Promise<{ admin: SessionUser } | { refusal: Response }> {
  const { user, request, route } = options;
  if (!user) return { refusal: Response.json({ error: "登录已过期，请重新登录" }, { status: 401 }) };
  if (user.role === "CUSTOMS_ADMIN") return { admin: user };
  await auditRefusal({ user, target: route, reason: ADMIN_ONLY, ip: requestIp(request) });
  return { refusal: Response.json({ error: ADMIN_ONLY }, { status: 403 }) };
}
