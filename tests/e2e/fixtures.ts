// Playwright fixtures: the e2e database (for specs that seed their own data) and signing in.
import { readFileSync } from "node:fs";
import { test as base, expect, type Page } from "@playwright/test";
import type { Db } from "@/lib/db/client";
import { E2E_DATABASE_URL_FILE } from "./state";

export async function signIn(page: Page, accountCode: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("账号").fill(accountCode);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByTestId("current-user")).toContainText(accountCode);
}

export const test = base.extend<object, { db: Db }>({
  db: [
    async ({}, use) => {
      // The web server writes the URL of its fresh database once it is up.
      process.env.DATABASE_URL = readFileSync(E2E_DATABASE_URL_FILE, "utf8").trim();
      const { db } = await import("@/lib/db/client");
      await use(db);
      await db.$disconnect();
    },
    { scope: "worker" },
  ],
});

export { expect };
