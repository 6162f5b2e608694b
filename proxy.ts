// Runs before every page, API route and server action (not static assets): sets the Content-Security-Policy
// with a fresh nonce, which Next.js reads from the request header and puts on its scripts, and HSTS in
// production. The fixed security headers are in next.config.js (they also cover static assets).
import { type NextRequest, NextResponse } from "next/server";
import { resolveAppMode } from "@/lib/config/env";
import { contentSecurityPolicy, createNonce } from "@/lib/security/content-security-policy";

const TWO_YEARS_SECONDS = 63_072_000;

export function proxy(request: NextRequest) {
  const mode = resolveAppMode(process.env);
  const csp = contentSecurityPolicy({
    nonce: createNonce(),
    nextDev: process.env.NODE_ENV === "development",
    loopbackEmulators: mode !== "production",
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  if (mode === "production") response.headers.set("Strict-Transport-Security", `max-age=${TWO_YEARS_SECONDS}; includeSubDomains`);
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
