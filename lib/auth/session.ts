// Session guards for pages and actions: every page but sign-in needs a user; customs pages need CUSTOMS_ADMIN.
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { auth } from "@/lib/auth";
import type { SessionUser } from "./credentials";
import { RETURN_PATH_HEADER, signInPathFor } from "./return-path";

export async function getSessionUser(): Promise<SessionUser | null> {
  const session = await auth();
  return session?.user ?? null;
}

export async function requireUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(signInPathFor((await headers()).get(RETURN_PATH_HEADER)));
  return user;
}

export async function requireAdmin(): Promise<SessionUser> {
  const user = await requireUser();
  if (user.role !== "CUSTOMS_ADMIN") forbidden();
  return user;
}

export async function requireEnterpriseUser(): Promise<SessionUser & { enterpriseId: number; customsCode: string }> {
  const user = await requireUser();
  if (user.role !== "ENTERPRISE_USER" || user.enterpriseId === null || user.customsCode === null) forbidden();
  return user as SessionUser & { enterpriseId: number; customsCode: string };
}

export const homePathFor = (user: SessionUser) => (user.role === "CUSTOMS_ADMIN" ? "/admin/dashboard" : "/subscriptions");
