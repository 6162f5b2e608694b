// Next.js start-up hook: the web server checks its configuration once and stops, naming the variable, if
// anything is missing or invalid (lib/config/env.ts), and production refuses to run without the preload that
// makes the client IP trustworthy (scripts/lib/socket-peer.cjs).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { checkConfig } = await import("./lib/config/env");
  const config = checkConfig("web");
  const { socketPeerInstalled } = await import("./lib/auth/client-ip");
  if (config.APP_MODE === "production" && !socketPeerInstalled()) {
    // Without it the last X-Forwarded-For entry is whatever the client sent (lib/auth/client-ip.ts).
    console.error("[web] start the web server with `node --require ./scripts/lib/socket-peer.cjs node_modules/next/dist/bin/next start`");
    process.exit(78);
  }
}
