// `npm run screenshots`: every page of both roles in zh-CN and English, with the demo data and the e2e seeds,
// written to docs/screens/<role>-<page>-<locale>.png (the README shows the main ones). Not part of `npm test`.
import path from "node:path";
import type { Page } from "@playwright/test";
import { expect, runSeedScript, signIn, test } from "../e2e/fixtures";

const OUT = path.join(process.cwd(), "docs", "screens");
const LOCALES = ["zh-CN", "en"] as const;

const enterprisePages = [
  ["subscriptions", "/subscriptions"],
  ["pushes", "/pushes"],
  ["import-clients", "/import-clients"],
] as const;
const adminPages = [
  ["dashboard", "/admin/dashboard"],
  ["enterprises", "/admin"],
  ["subscriptions", "/admin/subscriptions"],
  ["push-messages", "/admin/push-messages"],
  ["import-clients", "/admin/import-clients"],
  ["changes", "/admin/changes"],
  ["manuals", "/admin/manuals"],
  ["audit", "/admin/audit"],
  ["cards", "/admin/cards"],
] as const;

async function shoot(page: Page, name: string) {
  // Rendered and idle: no loading skeleton in the picture.
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: path.join(OUT, `${name}.png`), fullPage: true });
}

async function setLocale(page: Page, locale: (typeof LOCALES)[number]) {
  const { hostname } = new URL(page.url() === "about:blank" ? "http://localhost" : page.url());
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: locale, domain: hostname, path: "/" }]);
}

test.beforeAll(() => {
  runSeedScript("tests/e2e/card-seed.ts");
  runSeedScript("tests/e2e/seed-push-messages.ts");
  runSeedScript("tests/e2e/seed-admin-change.ts");
});

for (const locale of LOCALES) {
  test(`sign-in, ${locale}`, async ({ page }) => {
    await setLocale(page, locale);
    await page.goto("/login");
    await shoot(page, `login-${locale}`);
  });

  test(`enterprise pages, ${locale}`, async ({ page }) => {
    await signIn(page, "SW10000001", "Demo@2026");
    await setLocale(page, locale);
    for (const [name, url] of enterprisePages) {
      await page.goto(url);
      await shoot(page, `enterprise-${name}-${locale}`);
    }
  });

  test(`customs pages, ${locale}`, async ({ page }) => {
    await signIn(page, "SW90000001", "Demo@2026");
    await setLocale(page, locale);
    for (const [name, url] of adminPages) {
      await page.goto(url);
      await shoot(page, `admin-${name}-${locale}`);
    }
    for (const [name, list, pattern] of [
      ["subscription", "/admin/subscriptions", /^\/admin\/subscriptions\/\d+$/],
      ["manual", "/admin/manuals", /^\/admin\/manuals\/E/],
      ["change", "/admin/changes", /^\/admin\/changes\/\d+$/],
      ["push-message", "/admin/push-messages", /^\/admin\/push-messages\/\d{20}$/],
    ] as const) {
      await page.goto(list);
      const hrefs = await page.locator("a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
      const href = hrefs.find((h) => pattern.test(h));
      expect(href, `a detail link on ${list}`).toBeTruthy();
      await page.goto(href!);
      await shoot(page, `admin-${name}-${locale}`);
    }
  });
}
