// Runs before every page, API route and server action (not static assets): sets the Content-Security-Policy
// with a fresh nonce, which Next.js reads from the request header and puts on its scripts, and HSTS in
// production, and passes the requested path on (RETURN_PATH_HEADER). The fixed security headers are in next.config.js (they also cover static assets).
// It also refuses a body declared larger than PORTAL_MAX_BODY_BYTES (sign-in, server actions, pages) before
// Next.js buffers it; a body without a length is cut by proxyClientMaxBodySize (next.config.js), above which
// Next.js refuses a server action itself. The ingestion API is left out: Next.js buffers every body the proxy
// sees and cuts it at that size, so its 32 MB requests stream to their route, which checks the token first.
import { type NextRequest, NextResponse } from "next/server";
import { resolveAppMode } from "@/lib/config/env";
import { RETURN_PATH_HEADER } from "@/lib/auth/return-path";
import { megabytes, PORTAL_MAX_BODY_BYTES } from "@/lib/security/body-limits";
import { contentSecurityPolicy, createNonce } from "@/lib/security/content-security-policy";

const TWO_YEARS_SECONDS = 63_072_000;

export function proxy(request: NextRequest) {
  if (Number(request.headers.get("content-length") ?? 0) > PORTAL_MAX_BODY_BYTES) {
    return NextResponse.json(
      { error: { code: "PAYLOAD_TOO_LARGE", message: `请求体超过 ${megabytes(PORTAL_MAX_BODY_BYTES)}，已拒绝` } },
      { status: 413, headers: { Connection: "close" } },
    );
  }
  const mode = resolveAppMode(process.env);
  const csp = contentSecurityPolicy({
    nonce: createNonce(),
    nextDev: process.env.NODE_ENV === "development",
    loopbackEmulators: mode !== "production",
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", csp);
  // The page asked for, so that a signed-out visitor comes back to it after signing in (lib/auth/session.ts).
  requestHeaders.set(RETURN_PATH_HEADER, request.nextUrl.pathname + request.nextUrl.search);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  if (mode === "production") response.headers.set("Strict-Transport-Security", `max-age=${TWO_YEARS_SECONDS}; includeSubDomains`);
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|api/ingest/).*)"],
};
