// The Next.js request a server action or route handler runs in, as tests stand it in: who is signed in (what
// getSessionUser returns), the request's headers, its cookie jar, and next-intl's zh-CN translations.
// Test files install it with
//   vi.mock("@/lib/auth/session", async () => (await import("../support/request-context")).sessionModule);
//   vi.mock("next/headers", async () => (await import("../support/request-context")).headersModule);
//   vi.mock("next-intl/server", async () => (await import("../support/request-context")).intlServerModule());
import { createTranslator } from "next-intl";
import type { SessionUser } from "@/lib/auth/credentials";
import messages from "@/lib/i18n/messages/zh-CN.json";

export const CLIENT_IP = "10.0.0.9";

export const requestContext = {
  user: null as SessionUser | null,
  cookies: new Map<string, string>(),
};

export const sessionModule = { getSessionUser: async () => requestContext.user };

type CookieInput = string | { name: string; value?: string };

const cookieStore = {
  get: (name: string) => (requestContext.cookies.has(name) ? { name, value: requestContext.cookies.get(name)! } : undefined),
  getAll: () => [...requestContext.cookies].map(([name, value]) => ({ name, value })),
  has: (name: string) => requestContext.cookies.has(name),
  set: (cookie: CookieInput, value?: string) =>
    typeof cookie === "string" ? requestContext.cookies.set(cookie, value ?? "") : requestContext.cookies.set(cookie.name, cookie.value ?? ""),
  delete: (cookie: CookieInput) => requestContext.cookies.delete(typeof cookie === "string" ? cookie : cookie.name),
};

export const headersModule = {
  headers: async () => new Headers({ host: "localhost", "x-forwarded-for": CLIENT_IP }),
  cookies: async () => cookieStore,
};

export function intlServerModule() {
  return {
    getTranslations: async (namespace?: string) => createTranslator({ locale: "zh-CN", messages, namespace: namespace as never }),
  };
}
