// Session users as next-auth's session callback gives them, for tests that call admin actions and routes.
import type { SessionUser } from "@/lib/auth/credentials";
import type { createCustomsAdmin, createEnterprise } from "./factories";

export function adminSession(admin: Awaited<ReturnType<typeof createCustomsAdmin>>): SessionUser {
  return {
    id: admin.id,
    accountCode: admin.accountCode,
    name: admin.name,
    role: "CUSTOMS_ADMIN",
    enterpriseId: null,
    enterpriseName: null,
    customsCode: null,
  };
}

export function enterpriseSession(fixture: Awaited<ReturnType<typeof createEnterprise>>): SessionUser {
  return {
    id: fixture.user.id,
    accountCode: fixture.user.accountCode,
    name: fixture.user.name,
    role: "ENTERPRISE_USER",
    enterpriseId: fixture.enterprise.id,
    enterpriseName: fixture.enterprise.name,
    customsCode: fixture.enterprise.customsCode,
  };
}
