// Playwright helpers: signing in, and running a tsx seed script against the e2e database (Playwright's
// workers cannot load the generated Prisma client, an ES module; tsx can).
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { test, expect, type Page } from "@playwright/test";
import { E2E_DATABASE_URL_FILE } from "./state";

export async function signIn(page: Page, accountCode: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("账号").fill(accountCode);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByTestId("current-user")).toContainText(accountCode);
}

/** Runs `script` with tsx against the e2e database and returns its JSON output. */
export function runSeedScript<T>(script: string, args: string[] = []): T {
  const output = execFileSync("node_modules/.bin/tsx", [script, ...args], {
    env: { ...process.env, DATABASE_URL: readFileSync(E2E_DATABASE_URL_FILE, "utf8").trim() },
    encoding: "utf8",
    // Synchronous: a script that never exits would stall the test beyond Playwright's own timeout.
    timeout: 120_000,
  });
  return JSON.parse(output) as T;
}

export { test, expect };
