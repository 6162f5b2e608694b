// The English UI shows no Chinese (issue 16): every page of both roles and every dialog its buttons open, error
// paths included (form and server refusals, the card dialog's wrong PIN, a refused filter, not-found), with the
// language cookie set to en. Chinese is allowed only in data values — any text the database holds — and in
// passages the page itself marks lang="zh-CN" (the signed statement, which is signed in Chinese).
import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import en from "@/lib/i18n/messages/en.json";
import { DEMO_PIN, seedActiveSubscription } from "./card-flow";
import { expect, runSeedScript, test } from "./fixtures";

const PASSWORD = "Demo@2026";
const FOREIGN_MANUAL = "E44032500003";

let dataTexts: string[] = [];

test.beforeAll(() => {
  seedActiveSubscription();
  runSeedScript("tests/e2e/seed-push-messages.ts");
  runSeedScript("tests/e2e/seed-admin-change.ts");
  // Longest first, so that a name is removed before a shorter name inside it.
  const { file } = runSeedScript<{ file: string }>("tests/e2e/data-texts.ts");
  dataTexts = (JSON.parse(readFileSync(file, "utf8")) as string[]).sort((a, b) => b.length - a.length);
});

/** Every Han character the page shows outside data values and zh-marked passages, with some context. */
async function chineseOn(page: Page): Promise<string[]> {
  const shown = await page.evaluate(() => {
    const clone = document.body.cloneNode(true) as HTMLElement;
    clone.querySelectorAll('script, style, template, [lang^="zh"]').forEach((element) => element.remove());
    const attributes = [...clone.querySelectorAll("[placeholder], [title], [aria-label], [alt]")].flatMap((element) =>
      ["placeholder", "title", "aria-label", "alt"].map((name) => element.getAttribute(name) ?? ""),
    );
    return [clone.textContent ?? "", ...attributes, document.title].join("\n");
  });
  let rest = shown;
  for (const text of dataTexts) rest = rest.split(text).join(" ");
  return [...rest.matchAll(/.{0,30}\p{Script=Han}+.{0,30}/gu)].map((match) => match[0].trim());
}

async function expectEnglish(page: Page, what: string) {
  await page.waitForLoadState("networkidle");
  expect(await chineseOn(page), what).toEqual([]);
}

/** Dialogs already checked, by their trigger's text: the same dialog on another page or row is not opened again. */
const checkedDialogs = new Set<string>();

/** Opens every dialog a button of the page opens (Radix triggers say aria-haspopup="dialog"), checks it, closes it. */
async function expectDialogsEnglish(page: Page, what: string) {
  const triggers = page.locator('main [aria-haspopup="dialog"]:visible');
  const count = Math.min(await triggers.count(), 12);
  for (let index = 0; index < count; index++) {
    const trigger = triggers.nth(index);
    const label = ((await trigger.getAttribute("aria-label")) ?? (await trigger.innerText())).trim();
    if (checkedDialogs.has(label) || !(await trigger.isEnabled())) continue;
    checkedDialogs.add(label);
    await trigger.click();
    await expect(page.locator('[role="dialog"], [role="alertdialog"]').first()).toBeVisible();
    await expectEnglish(page, `${what}: dialog of "${label}"`);
    await page.keyboard.press("Escape");
    await expect(page.locator('[role="dialog"], [role="alertdialog"]')).toHaveCount(0);
  }
}

async function signInInEnglish(page: Page, accountCode: string) {
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: "en", domain: "localhost", path: "/" }]);
  await page.goto("/login");
  await page.getByLabel(en.login.account).fill(accountCode);
  await page.getByLabel(en.login.password).fill(PASSWORD);
  await page.getByRole("button", { name: en.login.submit }).click();
  await expect(page.getByTestId("current-user")).toContainText(accountCode);
}

async function navigationTargets(page: Page): Promise<string[]> {
  const hrefs = await page.locator("nav a[href^='/']").evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
  return [...new Set(hrefs)];
}

test("sign-in page and its refusals", async ({ page }) => {
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: "en", domain: "localhost", path: "/" }]);
  await page.goto("/login");
  await expectEnglish(page, "/login");
  await page.getByRole("button", { name: en.login.submit }).click();
  await expectEnglish(page, "/login, empty form");
  await page.getByLabel(en.login.account).fill("SW10000001");
  await page.getByLabel(en.login.password).fill("wrong-password-1");
  await page.getByRole("button", { name: en.login.submit }).click();
  await expect(page.getByRole("alert").first()).toBeVisible();
  await expectEnglish(page, "/login, wrong password");
});

test("enterprise pages, dialogs and refusals", async ({ page }) => {
  test.setTimeout(120_000);
  await signInInEnglish(page, "SW10000001");
  for (const path of await navigationTargets(page)) {
    await page.goto(path);
    await expectEnglish(page, path);
    await expectDialogsEnglish(page, path);
  }

  // The subscribe form: the browser's refusals, then the server's (another processing unit's manual).
  await page.goto("/subscriptions");
  const form = page.getByRole("form", { name: en.subscriptions.title });
  await form.getByRole("button", { name: en.subscriptions.submit, exact: true }).click();
  await expectEnglish(page, "/subscriptions, empty form");
  await form.getByRole("button", { name: en.subscriptions.chooseClient }).click();
  await form.getByRole("radio").first().check();
  await form.getByRole("checkbox", { name: en.subscriptions.incremental }).click();
  await form.getByLabel(en.subscriptions.emsNo).fill(FOREIGN_MANUAL);
  await form.getByRole("button", { name: en.subscriptions.submit, exact: true }).click();
  await expect(form.getByRole("alert").first()).toBeVisible();
  await expectEnglish(page, "/subscriptions, a manual of another processing unit");

  // The card dialog, with a wrong PIN.
  await page.getByRole("button", { name: en.subscriptions.cancel }).first().click();
  await page.getByRole("alertdialog").getByRole("button", { name: en.subscriptions.cancelConfirmAction }).click();
  const dialog = page.getByTestId("card-signature-dialog");
  await expect(dialog).toContainText(en.card.insertLegalPersonCard);
  await expectEnglish(page, "card dialog");
  await dialog.getByRole("radio", { name: en.card.transports.virtual }).click();
  await dialog.getByRole("button", { name: en.card.readCard }).click();
  await dialog.getByLabel(en.card.pin).fill(DEMO_PIN.replace(/./g, "0"));
  await dialog.getByRole("button", { name: en.card.sign, exact: true }).click();
  await expect(dialog.getByRole("alert").first()).toBeVisible();
  await expectEnglish(page, "card dialog, wrong PIN");
  await dialog.getByRole("button", { name: en.card.cancel }).click();
  await expect(dialog).toBeHidden();
});

test("customs pages and their dialogs", async ({ page }) => {
  test.setTimeout(180_000);
  await signInInEnglish(page, "SW90000001");
  for (const path of await navigationTargets(page)) {
    await page.goto(path);
    await expectEnglish(page, path);
    await expectDialogsEnglish(page, path);
  }
});

test("customs detail pages, their dialogs, and refusals", async ({ page }) => {
  test.setTimeout(180_000);
  await signInInEnglish(page, "SW90000001");
  const lists = await navigationTargets(page);
  // One detail page of each kind the lists link to.
  const details = new Map<string, string>();
  for (const path of lists) {
    await page.goto(path);
    const hrefs = await page.locator("main a[href^='/admin/']").evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
    for (const href of hrefs) {
      const kind = href.split("?")[0].replace(/\/[^/]*\d[^/]*$/, "/:id");
      if (kind !== href.split("?")[0] && !details.has(kind)) details.set(kind, href);
    }
  }
  expect(details.size, "detail pages found").toBeGreaterThanOrEqual(4);
  for (const href of details.values()) {
    await page.goto(href);
    await expectEnglish(page, href);
    await expectDialogsEnglish(page, href);
  }
  for (const refused of [
    "/admin/audit?dateFrom=2026-13-45",
    "/admin/push-messages?messageId=12",
    "/admin/subscriptions/2147483000",
    "/subscriptions",
  ]) {
    await page.goto(refused);
    await expectEnglish(page, refused);
  }
});
