// `npm run import-client -- --port 8787 --inbox ./inbox`: the reference import client (lib/import-client).
// The platform public key is fetched from the portal (--platform-key-url, default PORTAL_URL or
// http://127.0.0.1:$PORT, PORT being the portal's port as `npm start` sets it) or given with
// --platform-public-key / PLATFORM_PUBLIC_KEY. Accepted ids are remembered in --state-dir (default <inbox>/.state)
// for --remember-days; a signature timestamp more than --max-clock-skew seconds from this clock is refused.
// Signatures are verified on --verify-threads worker threads (default two, one on a single core; 0: on the event loop).
// Pull mode (docs/delivery-protocol.md B): `--pull <portal URL> --client-id <客户端ID> --key <key file>` opens no port
// and long-polls the portal instead; `reconcile --pull … --from <ISO time> --to <ISO time>` compares the inbox with
// the platform-signed manifest, prints what is missing, mismatched or extra and fetches the missing.
import path from "node:path";
import { parseArgs } from "node:util";
import { DEFAULT_MAX_CLOCK_SKEW_SECONDS, DEFAULT_REMEMBER_DAYS, startImportClient } from "@/lib/import-client/server";
import { defaultVerifyThreads } from "@/lib/import-client/verify-pool";
import { readKeyFile } from "@/lib/import-client/pull-api";
import { startPullClient } from "@/lib/import-client/pull-client";
import { reconcileInbox } from "@/lib/import-client/reconcile";
import { PULL_DEFAULT_LEASE_SECONDS, PULL_MIN_LEASE_SECONDS } from "@/lib/pull/protocol";
import { ZClientId } from "@/lib/validations/identifiers";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    pull: { type: "string" },
    "client-id": { type: "string" },
    key: { type: "string" },
    from: { type: "string" },
    to: { type: "string" },
    "lease-seconds": { type: "string", default: String(PULL_DEFAULT_LEASE_SECONDS) },
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

function wholeNumber(option: "remember-days" | "max-clock-skew" | "verify-threads" | "lease-seconds", min: number): number {
  const value = Number(values[option]);
  if (!Number.isSafeInteger(value) || value < min) throw new Error(`--${option} must be a whole number of at least ${min}, got "${values[option]}"`);
  return value;
}

const onStored = ({ messageId, emsNo, result }: { messageId: string; emsNo: string; result: string }) =>
  console.log(`[import-client] ${result === "stored" ? "stored" : "duplicate, kept"} ${emsNo}/${messageId}.xml`);

function required(option: "client-id" | "key" | "from" | "to"): string {
  const value = values[option];
  if (!value) throw new Error(`--${option} is required with --pull`);
  return value;
}

function time(option: "from" | "to"): Date {
  const value = new Date(required(option));
  if (Number.isNaN(value.getTime())) throw new Error(`--${option} must be a time such as 2026-12-01T00:00:00+08:00`);
  return value;
}

async function pullOptions(portalUrl: string, inbox: string) {
  const clientId = ZClientId.parse(required("client-id"));
  return {
    portalUrl,
    clientId,
    privateKey: await readKeyFile(path.resolve(required("key"))),
    inbox,
    stateDir: values["state-dir"] && path.resolve(values["state-dir"]),
    rememberDays: wholeNumber("remember-days", 1),
    maxClockSkewSeconds: wholeNumber("max-clock-skew", 1),
    verifyThreads: wholeNumber("verify-threads", 0),
    leaseSeconds: wholeNumber("lease-seconds", PULL_MIN_LEASE_SECONDS),
    platformPublicKey: values["platform-public-key"] ?? process.env.PLATFORM_PUBLIC_KEY,
    platformKeyUrl: values["platform-key-url"] ?? new URL("/api/platform-key", portalUrl).toString(),
    onStored,
  };
}

async function reconcile(portalUrl: string, inbox: string) {
  const report = await reconcileInbox({ ...(await pullOptions(portalUrl, inbox)), from: time("from"), to: time("to") });
  console.log(`[import-client] manifest lists ${report.listed} messages`);
  for (const [label, ids] of Object.entries({
    missing: report.missing,
    mismatched: report.mismatched,
    extra: report.extra,
    fetched: report.fetched,
  })) {
    console.log(`[import-client] ${label}: ${ids.length}${ids.length > 0 ? ` ${ids.join(" ")}` : ""}`);
  }
}

async function main() {
  const portalUrl = values.pull ?? process.env.PORTAL_URL ?? `http://127.0.0.1:${process.env.PORT ?? "3000"}`;
  const inbox = path.resolve(values.inbox!);
  if (positionals[0] === "reconcile") return reconcile(portalUrl, inbox);
  if (positionals.length > 0) throw new Error(`unknown command "${positionals[0]}" (only "reconcile")`);
  if (values.pull) {
    const client = await startPullClient(await pullOptions(portalUrl, inbox));
    console.log(`[import-client] pulling from ${portalUrl} as ${values["client-id"]}, inbox ${inbox}`);
    return stopOnSignal(client.close);
  }
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
    onStored,
  });
  console.log(`[import-client] listening on ${client.url}, inbox ${inbox}`);
  stopOnSignal(client.close);
}

function stopOnSignal(close: () => Promise<void>) {
  const shutdown = async () => {
    await close();
    process.exit(0);
  };
  process.once("SIGTERM", shutdown);
  process.once("SIGINT", shutdown);
}

main().catch((error) => {
  console.error("[import-client] failed:", error);
  process.exit(1);
});
