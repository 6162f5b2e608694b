// The e2e environment: a fresh embedded PostgreSQL (or a fresh database on DATABASE_URL's server), migrated
// and seeded with the demo data, then the production build of web + worker + reference import client.
import { existsSync } from "node:fs";
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { dropDatabase } from "@/lib/db/admin";
import { db } from "@/lib/db/client";
import { startEmbeddedPostgres, type LocalPostgres } from "@/lib/db/embedded";
import { prepareDatabase } from "@/lib/db/prepare";
import { seedDemoData } from "@/lib/demo/seed";
import { runTogether, type ChildSpec } from "../../scripts/lib/children";
import { getPlatformKeyPair } from "@/lib/signing/platform-key";
import { resolveAuthSecret } from "../../scripts/lib/local-env";
import { ensureNextBuild } from "../../scripts/lib/next-build";
import { SOCKET_PEER_PRELOAD } from "../../scripts/lib/socket-peer-preload";
import { E2E_STATE_DIR, E2E_DATABASE_URL_FILE } from "./state";

async function main() {
  const port = process.env.E2E_PORT ?? "3100";
  const importClientPort = process.env.E2E_IMPORT_CLIENT_PORT ?? String(Number(port) + 5_000);
  await rm(E2E_STATE_DIR, { recursive: true, force: true });
  await mkdir(E2E_STATE_DIR, { recursive: true });
  let local: LocalPostgres | undefined;
  let databaseUrl: string;
  if (process.env.DATABASE_URL) {
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/sw_e2e_${process.pid}`;
    databaseUrl = url.toString();
  } else {
    local = await startEmbeddedPostgres(path.join(E2E_STATE_DIR, "pg"));
    databaseUrl = local.urlFor("sw_e2e");
  }
  process.env.DATABASE_URL = databaseUrl;
  process.env.DEMO_IMPORT_CLIENT_URL = `http://127.0.0.1:${importClientPort}/push`;
  await prepareDatabase(databaseUrl);
  await seedDemoData({ db });
  await db.$disconnect();
  await writeFile(E2E_DATABASE_URL_FILE, databaseUrl);

  ensureNextBuild();
  const platformKey = getPlatformKeyPair();
  const env = {
    PLATFORM_SM2_PRIVATE_KEY: platformKey.privateKey,
    PLATFORM_PUBLIC_KEY: platformKey.publicKey,
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: resolveAuthSecret(),
    NEXT_TELEMETRY_DISABLED: "1",
    APP_MODE: "test",
    WORKER_PORT: String(Number(port) + 1),
    DELIVERY_RETRY_SCHEDULE: "1,1,2",
    // The specs share the demo users and sign faster than a person could; the per-minute limit has its own test.
    SIGNING_CHALLENGES_PER_MINUTE: "1000",
    IMPORT_CLIENT_PORT: importClientPort,
    IMPORT_CLIENT_INBOX: path.join(E2E_STATE_DIR, "inbox"),
  };
  const tsx = "node_modules/.bin/tsx";
  const children: ChildSpec[] = [
    { name: "web", command: process.execPath, args: [...SOCKET_PEER_PRELOAD, "node_modules/next/dist/bin/next", "start", "-p", port], env },
    { name: "worker", command: tsx, args: ["scripts/worker.ts"], env },
  ];
  if (existsSync("scripts/import-client.ts")) {
    children.push({
      name: "import-client",
      command: tsx,
      args: ["scripts/import-client.ts", "--port", importClientPort, "--inbox", env.IMPORT_CLIENT_INBOX],
      env,
    });
  }
  runTogether(children, async () => {
    if (!local) await dropDatabase(databaseUrl);
    await local?.stop();
  });
}

main().catch((error) => {
  console.error("[e2e server] failed:", error);
  process.exit(1);
});
