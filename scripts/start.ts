// `npm start`: database (embedded when DATABASE_URL is unset), migrations, demo data (never in production, which
// instead needs a customs admin: npm run admin:create), then web + worker (+ the reference import client for the
// demo) as one command.
import { existsSync } from "node:fs";
import { resolveAppMode } from "@/lib/config/env";
import { db } from "@/lib/db/client";
import { prepareForStart } from "@/lib/db/prepare-start";
import { DEMO_PASSWORD, demoAdmin, demoEnterprises } from "@/lib/demo/seed";
import { StartRefused } from "@/lib/db/prepare-start";
import { runTogether, type ChildSpec } from "./lib/children";
import { getPlatformKeyPair } from "@/lib/signing/platform-key";
import { resolveAuthSecret, resolveDatabase } from "./lib/local-env";
import { ensureNextBuild } from "./lib/next-build";
import { ensureWorkerBuild } from "./lib/worker-build";
import { SOCKET_PEER_PRELOAD } from "./lib/socket-peer-preload";

const dev = process.argv.includes("--dev");
const port = process.env.PORT ?? "3000";

async function main() {
  const { databaseUrl, local } = await resolveDatabase();
  process.env.DATABASE_URL = databaseUrl;
  const { applied, seeded } = await prepareForStart({ databaseUrl, db }).catch(async (error: unknown) => {
    await db.$disconnect();
    await local?.stop();
    throw error;
  });
  if (applied.length) console.log(`[start] migrations applied: ${applied.join(", ")}`);
  if (seeded) console.log("[start] demo data seeded");
  await db.$disconnect();

  const platformKey = getPlatformKeyPair();
  const env = {
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: resolveAuthSecret(),
    PORT: port,
    NEXT_TELEMETRY_DISABLED: "1",
    APP_MODE: process.env.APP_MODE ?? "development",
    PLATFORM_SM2_PRIVATE_KEY: platformKey.privateKey,
    PLATFORM_PUBLIC_KEY: platformKey.publicKey,
  };
  if (!dev) ensureNextBuild();
  const tsx = "node_modules/.bin/tsx";
  // Production runs the worker's bundle with plain node; development runs its sources through tsx.
  const worker = dev ? { command: tsx, args: ["scripts/worker.ts"] } : { command: process.execPath, args: [await ensureWorkerBuild()] };
  const children: ChildSpec[] = [
    {
      name: "web",
      command: process.execPath,
      args: [...SOCKET_PEER_PRELOAD, "node_modules/next/dist/bin/next", dev ? "dev" : "start", "-p", port],
      env,
    },
    { name: "worker", ...worker, env },
  ];
  if (existsSync("scripts/import-client.ts") && process.env.START_IMPORT_CLIENT !== "0") {
    children.push({ name: "import-client", command: tsx, args: ["scripts/import-client.ts"], env });
  }
  runTogether(children, async () => {
    await local?.stop();
  });

  console.log(`\n[start] 单一窗口 加工贸易账册数据订阅推送: http://localhost:${port}`);
  if (resolveAppMode(process.env) === "production") return;
  console.log("[start] demo sign-ins (password for all: " + DEMO_PASSWORD + "):");
  for (const e of demoEnterprises) console.log(`  ${e.user}  ${e.userName}  ${e.name}（${e.customsCode}）`);
  console.log(`  ${demoAdmin.accountCode}  ${demoAdmin.name}（海关管理员）\n`);
}

main().catch((error) => {
  if (error instanceof StartRefused) console.error(`[start] ${error.message}`);
  else console.error("[start] failed:", error);
  process.exit(1);
});
