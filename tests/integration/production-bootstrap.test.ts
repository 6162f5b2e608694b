// Production bootstrap on a database of its own: `npm start`'s preparation (lib/db/prepare-start.ts) writes no
// demo row in production and refuses to start without a customs admin, naming the command; the real
// `npm run admin:create` script (a child process, password on a pipe) creates one who can sign in, refuses bad
// input and an existing account changing nothing, and never prints the password.
import { spawn } from "node:child_process";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { verifyCredentials } from "@/lib/auth/credentials";
import { dropDatabase } from "@/lib/db/admin";
import { NO_CUSTOMS_ADMIN_MESSAGE, prepareForStart } from "@/lib/db/prepare-start";
import { demoAdmin, demoEnterprises, seedDemoData } from "@/lib/demo/seed";
import { demoCards } from "@/lib/demo/cards";
import { PrismaClient } from "@/lib/generated/prisma/client";

const url = (() => {
  const base = new URL(inject("databaseUrl"));
  base.pathname = `/sw_bootstrap_${process.pid}`;
  return base.toString();
})();
let fresh: PrismaClient;

const PASSWORD = "Haiguan2026pw";
// What production must configure, so the script runs under APP_MODE=production as it would be deployed.
const productionEnv = { APP_MODE: "production", AUTH_SECRET: "a".repeat(40), PLATFORM_SM2_PRIVATE_KEY: "1".repeat(64) };

function adminCreate(args: string[], options: { stdin?: string; env?: Record<string, string> } = {}) {
  const child = spawn(process.execPath, ["--import", "tsx", path.join("scripts", "admin-create.ts"), ...args], {
    env: { ...process.env, ...productionEnv, DATABASE_URL: url, LOG_LEVEL: "warn", ADMIN_PASSWORD: "", ...options.env },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  child.stdin.end(options.stdin ?? "");
  return new Promise<{ code: number | null; output: string }>((resolve) => child.once("exit", (code) => resolve({ code, output })));
}

async function inProduction<T>(fn: () => Promise<T>): Promise<T> {
  const mode = process.env.APP_MODE;
  process.env.APP_MODE = "production";
  try {
    return await fn();
  } finally {
    if (mode === undefined) delete process.env.APP_MODE;
    else process.env.APP_MODE = mode;
  }
}

const demoRows = async () => ({
  users: await fresh.user.count({ where: { accountCode: { in: [demoAdmin.accountCode, ...demoEnterprises.map((e) => e.user)] } } }),
  enterprises: await fresh.enterprise.count({ where: { customsCode: { in: demoEnterprises.map((e) => e.customsCode) } } }),
  cards: await fresh.card.count({ where: { cardNo: { in: demoCards.map((c) => c.cardNo) } } }),
  manuals: await fresh.manual.count(),
});
const state = async () => ({ users: await fresh.user.count(), audit: await fresh.auditLog.count() });

beforeAll(async () => {
  await dropDatabase(url);
  fresh = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 2 }) });
}, 120_000);
afterAll(async () => {
  await fresh?.$disconnect();
  await dropDatabase(url);
});

describe("production start on an empty database", () => {
  test("writes no demo data and refuses to start, saying what to run", async () => {
    await expect(inProduction(() => prepareForStart({ databaseUrl: url, db: fresh }))).rejects.toMatchObject({ message: NO_CUSTOMS_ADMIN_MESSAGE });
    expect(NO_CUSTOMS_ADMIN_MESSAGE).toContain("npm run admin:create -- --account SW9xxxxxxx --name");
    expect(await demoRows()).toEqual({ users: 0, enterprises: 0, cards: 0, manuals: 0 });
    expect(await fresh.user.count()).toBe(0);
  }, 120_000);

  test("seedDemoData itself refuses in production, whoever calls it", async () => {
    await expect(inProduction(() => seedDemoData({ db: fresh }))).rejects.toThrow(/never written in production/);
    expect(await demoRows()).toEqual({ users: 0, enterprises: 0, cards: 0, manuals: 0 });
  });
});

describe("npm run admin:create", () => {
  test("creates a customs admin from a piped password, who can sign in; the password is never printed; then the start passes", async () => {
    const run = await adminCreate(["--account", "SW90000009", "--name", "张三"], { stdin: `${PASSWORD}\n` });
    expect(run.output).not.toContain(PASSWORD);
    expect(run).toMatchObject({ code: 0, output: expect.stringContaining("已创建海关管理员 SW90000009（张三）") });

    const user = await fresh.user.findUniqueOrThrow({ where: { accountCode: "SW90000009" } });
    expect(user).toMatchObject({ role: "CUSTOMS_ADMIN", name: "张三", enterpriseId: null });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user.passwordHash).not.toContain(PASSWORD);
    const signIn = await verifyCredentials({ db: fresh, accountCode: "SW90000009", password: PASSWORD, ip: "127.0.0.1" });
    expect(signIn).toMatchObject({ ok: true, user: { role: "CUSTOMS_ADMIN", accountCode: "SW90000009" } });
    const [audit] = await fresh.auditLog.findMany({ where: { action: "ADMIN_CREATE" } });
    expect(audit).toMatchObject({ targetType: "User", targetId: "SW90000009", detail: { name: "张三", userId: user.id } });
    expect(JSON.stringify({ ...audit, id: String(audit.id) })).not.toContain(PASSWORD);

    await expect(inProduction(() => prepareForStart({ databaseUrl: url, db: fresh }))).resolves.toEqual({ applied: [], seeded: false });
    expect(await demoRows()).toEqual({ users: 0, enterprises: 0, cards: 0, manuals: 0 });
  }, 120_000);

  test("refuses an existing account, a bad account code, weak passwords and a missing name, changing nothing", async () => {
    const before = await state();
    const cases: [string[], Record<string, string>, RegExp][] = [
      [["--account", "SW90000009", "--name", "李四"], { ADMIN_PASSWORD: "Another2026pw" }, /账号 SW90000009 已存在，未创建/],
      [["--account", "sw9000001", "--name", "李四"], { ADMIN_PASSWORD: PASSWORD }, /账号应如 SW10000001/],
      [["--account", "SW90000010", "--name", "李四"], { ADMIN_PASSWORD: "short1" }, /至少 8 位/],
      [["--account", "SW90000010", "--name", "李四"], { ADMIN_PASSWORD: "pwSW90000010" }, /密码不能包含账号/],
      [["--account", "SW90000010", "--name", "李四"], { ADMIN_PASSWORD: "onlyletterspassword" }, /须含数字/],
      [["--account", "SW90000010"], { ADMIN_PASSWORD: PASSWORD }, /用法：npm run admin:create/],
    ];
    const runs = await Promise.all(cases.map(([args, env]) => adminCreate(args, { env })));
    for (const [i, run] of runs.entries()) {
      expect(run.code, cases[i][0].join(" ")).toBe(1);
      expect(run.output).toMatch(cases[i][2]);
      expect(run.output).not.toContain(cases[i][1].ADMIN_PASSWORD);
    }
    expect(await state()).toEqual(before);
    // The first admin's password still works: the refused attempt did not touch the account.
    expect((await verifyCredentials({ db: fresh, accountCode: "SW90000009", password: PASSWORD, ip: "127.0.0.2" })).ok).toBe(true);
  }, 180_000);
});
