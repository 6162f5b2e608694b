// `npm run import-client -- --port 8787 --inbox ./inbox`: the reference import client (lib/import-client).
// The platform public key is fetched from the portal (--platform-key-url, default PORTAL_URL or
// http://127.0.0.1:$PORT, PORT being the portal's port as `npm start` sets it) or given with
// --platform-public-key / PLATFORM_PUBLIC_KEY. Accepted ids are remembered in --state-dir (default <inbox>/.state)
// for --remember-days; a signature timestamp more than --max-clock-skew seconds from this clock is refused.
// Signatures are verified on --verify-threads worker threads (default two, one on a single core; 0: on the event loop).
import path from "node:path";
import { parseArgs } from "node:util";
import { DEFAULT_MAX_CLOCK_SKEW_SECONDS, DEFAULT_REMEMBER_DAYS, startImportClient } from "@/lib/import-client/server";
import { defaultVerifyThreads } from "@/lib/import-client/verify-pool";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "8787" },
    host: { type: "string", default: "127.0.0.1" },
    inbox: { type: "string", default: "./inbox" },
    "platform-key-url": { type: "string" },
    "platform-public-key": { type: "string" },
    "state-dir": { type: "string" },
    "remember-days": { type: "string", default: String(DEFAULT_REMEMBER_DAYS) },
    "max-clock-skew": { type: "string", default: String(DEFAULT_MAX_CLOCK_SKEW_SECONDS) },
    "verify-threads": { type: "string", default: String(defaultVerifyThreads()) },
  },
});

function wholeNumber(option: "remember-days" | "max-clock-skew" | "verify-threads", min: number): number {
  const value = Number(values[option]);
  if (!Number.isSafeInteger(value) || value < min) throw new Error(`--${option} must be a whole number of at least ${min}, got "${values[option]}"`);
  return value;
}

async function main() {
  const portalUrl = process.env.PORTAL_URL ?? `http://127.0.0.1:${process.env.PORT ?? "3000"}`;
  const inbox = path.resolve(values.inbox!);
  const client = await startImportClient({
    port: Number(values.port),
    host: values.host,
    inbox,
    stateDir: values["state-dir"] && path.resolve(values["state-dir"]),
    rememberDays: wholeNumber("remember-days", 1),
    maxClockSkewSeconds: wholeNumber("max-clock-skew", 1),
    verifyThreads: wholeNumber("verify-threads", 0),
    platformPublicKey: values["platform-public-key"] ?? process.env.PLATFORM_PUBLIC_KEY,
    platformKeyUrl: values["platform-key-url"] ?? new URL("/api/platform-key", portalUrl).toString(),
    onStored: ({ messageId, emsNo, result }) =>
      console.log(`[import-client] ${result === "stored" ? "stored" : "duplicate, kept"} ${emsNo}/${messageId}.xml`),
  });
  console.log(`[import-client] listening on ${client.url}, inbox ${inbox}`);
  const shutdown = async () => {
    await client.close();
    process.exit(0);
  };
  process.once("SIGTERM", shutdown);
  process.once("SIGINT", shutdown);
}

main().catch((error) => {
  console.error("[import-client] failed:", error);
  process.exit(1);
});
