// `npm start`'s database step: prepareDatabase, then demo data outside production; in production no demo row
// is ever written and the start is refused until a customs admin exists (scripts/admin-create.ts).
import { customsAdminExists } from "@/lib/auth/create-customs-admin";
import { resolveAppMode } from "@/lib/config/env";
import type { Db } from "@/lib/db/client";
import { seedDemoData } from "@/lib/demo/seed";
import { prepareDatabase } from "./prepare";

/** A start refused for a reason the operator fixes; scripts/start.ts prints its message as it is. */
export class StartRefused extends Error {}

export const NO_CUSTOMS_ADMIN_MESSAGE =
  "生产环境中还没有海关管理员账号，未启动。请先创建：npm run admin:create -- --account SW9xxxxxxx --name 姓名" +
  "（密码从标准输入读取，或由环境变量 ADMIN_PASSWORD 提供）";

export async function prepareForStart(options: { databaseUrl: string; db: Db }): Promise<{ applied: string[]; seeded: boolean }> {
  const applied = await prepareDatabase(options.databaseUrl);
  if (resolveAppMode(process.env) !== "production") return { applied, ...(await seedDemoData({ db: options.db })) };
  if (!(await customsAdminExists(options.db))) throw new StartRefused(NO_CUSTOMS_ADMIN_MESSAGE);
  return { applied, seeded: false };
}
