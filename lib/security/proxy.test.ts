// The proxy's headers per mode: production gets HSTS and the strict policy (fixed e-port address, no eval);
// development and test allow loopback e-port emulators; only `next dev` allows eval. The e2e security spec
// checks the same headers on the running server in test mode.
import { NextRequest } from "next/server";
import { afterEach, describe, expect, test, vi } from "vitest";
import { sessionCookieOptions } from "@/lib/auth/session-cookie";
import { config, proxy } from "@/proxy";
import { contentSecurityPolicy } from "./content-security-policy";

afterEach(() => vi.unstubAllEnvs());

const headersFor = (env: Record<string, string>) => {
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  return proxy(new NextRequest("https://portal.example/subscriptions")).headers;
};

describe("proxy.ts security headers", () => {
  test("production: HSTS and a CSP with a nonce, the e-port client's fixed address only, no eval", () => {
    const headers = headersFor({ APP_MODE: "production", NODE_ENV: "production" });
    expect(headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
    const csp = headers.get("content-security-policy")!;
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic';/);
    expect(csp).toContain("connect-src 'self' ws://127.0.0.1:61232;");
    expect(csp).not.toMatch(/unsafe-eval|ws:\/\/127\.0\.0\.1:\*|localhost/);
    for (const directive of ["default-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'"]) {
      expect(csp).toContain(directive);
    }
    // Next.js reads the nonce from the request's CSP header: the proxy passes it on.
    expect(headers.get("x-middleware-request-content-security-policy")).toBe(csp);
  });

  test("test mode: no HSTS; loopback e-port emulators allowed; still no eval", () => {
    const headers = headersFor({ APP_MODE: "test", NODE_ENV: "production" });
    expect(headers.get("strict-transport-security")).toBeNull();
    const csp = headers.get("content-security-policy")!;
    expect(csp).toContain("ws://127.0.0.1:*");
    expect(csp).not.toContain("unsafe-eval");
  });

  test("only next dev gets 'unsafe-eval'", () => {
    expect(contentSecurityPolicy({ nonce: "n", nextDev: true, loopbackEmulators: true })).toContain("'nonce-n' 'strict-dynamic' 'unsafe-eval'");
    expect(headersFor({ APP_MODE: "development", NODE_ENV: "development" }).get("content-security-policy")).toContain("'unsafe-eval'");
  });

  test("every request gets its own nonce", () => {
    const nonces = Array.from(
      { length: 20 },
      () => /'nonce-([^']+)'/.exec(headersFor({ APP_MODE: "production" }).get("content-security-policy")!)![1],
    );
    expect(new Set(nonces).size).toBe(20);
  });
});

describe("proxy.ts body limit", () => {
  const post = (path: string, length: number) =>
    proxy(new NextRequest(`https://portal.example${path}`, { method: "POST", headers: { "content-length": String(length) } }));

  test("a body declared over 1 MB (sign-in, a server action, any page) is refused with 413 and a Chinese message", async () => {
    for (const path of ["/login", "/subscriptions"]) {
      const refused = post(path, 1024 * 1024 + 1);
      expect(refused.status).toBe(413);
      expect(await refused.json()).toEqual({ error: { code: "PAYLOAD_TOO_LARGE", message: "请求体超过 1 MB，已拒绝" } });
    }
    expect(post("/login", 1024 * 1024).status).toBe(200);
  });

  test("does not run for the ingestion API, whose 32 MB bodies must reach their route whole", () => {
    const matches = (path: string) => config.matcher.some((pattern) => new RegExp(`^${pattern}$`).test(path));
    expect(matches("/api/ingest/manuals")).toBe(false);
    expect(matches("/api/ingest/changes")).toBe(false);
    for (const path of ["/login", "/api/health", "/api/ingestion", "/subscriptions"]) expect(matches(path)).toBe(true);
  });
});

describe("session cookie", () => {
  test("production forces Secure cookies (and the __Secure- prefix); elsewhere https decides", () => {
    expect(sessionCookieOptions({ APP_MODE: "production" })).toEqual({ useSecureCookies: true });
    expect(sessionCookieOptions({ NODE_ENV: "production" })).toEqual({ useSecureCookies: true });
    expect(sessionCookieOptions({ APP_MODE: "test", NODE_ENV: "production" })).toEqual({});
    expect(sessionCookieOptions({ APP_MODE: "development" })).toEqual({});
  });
});
