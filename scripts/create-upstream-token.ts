// `npm run upstream:token -- <name> [--rotate]`: registers an upstream customs system for the ingestion API
// (docs/ingestion-api.md) and prints its bearer token once; the database keeps only the token's SM3 digest.
// With --rotate an existing system gets a new token and the old one stops working at once.
import { db } from "@/lib/db/client";
import { prepareDatabase } from "@/lib/db/prepare";
import { registerUpstreamSystem } from "@/lib/ingestion/upstream-token";
import { resolveDatabase } from "./lib/local-env";

async function main() {
  const args = process.argv.slice(2);
  const rotate = args.includes("--rotate");
  const name = args.find((arg) => !arg.startsWith("--"))?.trim();
  if (!name) {
    console.error("用法: npm run upstream:token -- <上游系统名称> [--rotate]");
    process.exitCode = 2;
    return;
  }
  const { databaseUrl, local } = await resolveDatabase();
  process.env.DATABASE_URL = databaseUrl;
  try {
    await prepareDatabase(databaseUrl);
    const { token, rotated } = await registerUpstreamSystem({ db, name, rotate });
    console.log(rotated ? `已为上游系统「${name}」更换令牌，旧令牌即刻失效。` : `已登记上游系统「${name}」。`);
    console.log("访问令牌（只显示这一次，请妥善交给上游系统）：");
    console.log(token);
  } finally {
    await db.$disconnect();
    await local?.stop();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
