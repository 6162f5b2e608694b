// `npm run admin:create -- --account SW90000001 --name 张三`: creates a customs admin (the first one of a production
// deployment). The password comes from ADMIN_PASSWORD or standard input (hidden at a terminal, asked twice; or the
// first line of a pipe), never from the command line, and is never printed.
import { userInfo } from "node:os";
import { parseArgs } from "node:util";
import { createCustomsAdmin } from "@/lib/auth/create-customs-admin";
import { db } from "@/lib/db/client";
import { prepareDatabase } from "@/lib/db/prepare";
import { AppError } from "@/lib/errors";
import { renderAppError } from "@/lib/i18n/refusal";

/** A mistake in how the command was run, printed as it is. */
class UsageError extends Error {}
import { resolveDatabase } from "./lib/local-env";
import { readSecret } from "./lib/read-secret";

const USAGE = "用法：npm run admin:create -- --account SW9xxxxxxx --name 姓名（密码从标准输入读取，或设环境变量 ADMIN_PASSWORD）";

async function readPassword(): Promise<string> {
  if (process.env.ADMIN_PASSWORD) return process.env.ADMIN_PASSWORD;
  const password = await readSecret("密码（8–72 位，含字母和数字）：");
  if (process.stdin.isTTY && (await readSecret("再输入一次：")) !== password) throw new UsageError("两次输入的密码不一致");
  return password;
}

async function main() {
  const { values } = parseArgs({ options: { account: { type: "string" }, name: { type: "string" } }, strict: true });
  if (!values.account || !values.name) throw new UsageError(USAGE);
  const password = await readPassword();
  const { databaseUrl, local } = await resolveDatabase();
  process.env.DATABASE_URL = databaseUrl;
  try {
    // Migrations first: on a new deployment this runs before the first start.
    await prepareDatabase(databaseUrl);
    const admin = await createCustomsAdmin({
      db,
      input: { accountCode: values.account, name: values.name, password },
      operator: userInfo().username,
    });
    console.log(`[admin:create] 已创建海关管理员 ${admin.accountCode}（${admin.name}），可登录门户。`);
  } finally {
    await db.$disconnect();
    await local?.stop();
  }
}

main().catch((error: unknown) => {
  // The password only ever reaches argon2 and the zod rules (whose messages never quote input), so no message holds it.
  if (error instanceof AppError) console.error(`[admin:create] ${renderAppError(error).error}`);
  else if (error instanceof UsageError) console.error(`[admin:create] ${error.message}`);
  else if ((error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) console.error(`[admin:create] ${USAGE}`);
  else console.error("[admin:create] failed:", error);
  process.exit(1);
});
