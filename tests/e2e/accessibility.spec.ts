// Every page and dialog of both roles passes axe (WCAG 2 A/AA rules) with no serious or critical violation,
// and the subscribe → sign path works with the keyboard alone (issue 17).
import AxeBuilder from "@axe-core/playwright";
import type { Locator, Page } from "@playwright/test";
import { expect, runSeedScript, signIn, test } from "./fixtures";

const PASSWORD = "Demo@2026";

async function expectAccessible(page: Page, what: string, include?: string) {
  let builder = new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]);
  if (include) builder = builder.include(include);
  const { violations } = await builder.analyze();
  const serious = violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 3)
          .join(", ")}`,
    );
  expect(serious, what).toEqual([]);
}

/** Presses Tab until `target` has the focus (the keyboard's way to a control). */
async function tabTo(page: Page, target: Locator, limit = 60) {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${target}`);
}

test("the enterprise pages and dialogs", async ({ page }) => {
  await page.goto("/login");
  await expectAccessible(page, "/login");
  await signIn(page, "SW10000001", PASSWORD);
  for (const path of ["/subscriptions", "/pushes", "/import-clients"]) {
    await page.goto(path);
    await expectAccessible(page, path);
  }

  await page.goto("/import-clients");
  await page.getByRole("button", { name: "注册客户端" }).click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await expectAccessible(page, "注册导入客户端", '[role="dialog"]');
  await page.keyboard.press("Escape");

  await page.getByRole("button", { name: "修改密码" }).click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await expectAccessible(page, "修改密码", '[role="dialog"]');
  await page.keyboard.press("Escape");

  await page.goto("/subscriptions");
  await page.getByRole("button", { name: "打开日历选择日期" }).first().click();
  await expect(page.locator('[data-slot="popover-content"]')).toBeVisible();
  await expectAccessible(page, "日历", '[data-slot="popover-content"]');
  await page.keyboard.press("Escape");
});

test("subscribe and sign with the keyboard alone, and the card dialog passes axe", async ({ page }) => {
  await signIn(page, "SW10000001", PASSWORD);
  await page.goto("/subscriptions");
  const form = page.getByRole("form", { name: "加工贸易账册数据订阅" });
  await tabTo(page, form.getByRole("button", { name: "选择导入客户端" }));
  await page.keyboard.press("Enter");
  await tabTo(page, form.getByRole("radio").first());
  await page.keyboard.press("Space");
  await expect(form.getByRole("radio").first()).toBeChecked();
  await tabTo(page, form.getByRole("checkbox", { name: "存量数据订阅" }));
  await page.keyboard.press("Space");
  await tabTo(page, form.getByLabel("账册号").first());
  await page.keyboard.type("E32012500001");
  await tabTo(page, form.getByRole("checkbox", { name: "料件" }));
  await page.keyboard.press("Space");
  await tabTo(page, form.getByLabel("料件序号范围 起始序号"));
  await page.keyboard.type("1");
  await page.keyboard.press("Tab");
  await page.keyboard.type("3");
  await tabTo(page, form.getByRole("button", { name: "订阅", exact: true }));
  await page.keyboard.press("Enter");

  const dialog = page.getByTestId("card-signature-dialog");
  const focusOnRadio = () => dialog.evaluate(() => document.activeElement?.getAttribute("role") === "radio");
  await expect.poll(() => dialog.evaluate((element) => element.contains(document.activeElement) && document.activeElement !== element)).toBe(true);
  await expectAccessible(page, "签名对话框", '[data-testid="card-signature-dialog"]');
  // Radio groups take the arrow keys; the virtual card is the development transport.
  for (let i = 0; i < 10 && !(await focusOnRadio()); i++) await page.keyboard.press("Shift+Tab");
  expect(await focusOnRadio()).toBe(true);
  for (let i = 0; i < 4 && !(await dialog.getByRole("radio", { name: /虚拟卡/ }).isChecked()); i++) await page.keyboard.press("ArrowDown");
  await expect(dialog.getByRole("radio", { name: /虚拟卡/ })).toBeChecked();
  await tabTo(page, dialog.getByRole("button", { name: "读取卡片" }));
  await page.keyboard.press("Enter");
  await expect(dialog.getByLabel("卡口令")).toBeFocused();
  await expectAccessible(page, "输入卡口令", '[data-testid="card-signature-dialog"]');
  await page.keyboard.type("88888888");
  await page.keyboard.press("Enter");
  await expect(page.getByText("数据订阅成功")).toBeVisible();
});

test("the customs pages and dialogs", async ({ page }) => {
  // A manual with a subscription and a pending change, so that every detail page has something to show.
  runSeedScript("tests/e2e/seed-admin-change.ts");
  await signIn(page, "SW90000001", PASSWORD);
  for (const path of [
    "/admin/dashboard",
    "/admin",
    "/admin/subscriptions",
    "/admin/push-messages",
    "/admin/changes",
    "/admin/manuals",
    "/admin/audit",
  ]) {
    await page.goto(path);
    await expectAccessible(page, path);
  }
  // A detail page of each kind, reached from its list.
  for (const [list, link] of [
    ["/admin/subscriptions", /^\/admin\/subscriptions\/\d+$/],
    ["/admin/manuals", /^\/admin\/manuals\/E/],
    ["/admin/changes", /^\/admin\/changes\/\d+$/],
  ] as const) {
    await page.goto(list);
    const href = await page
      .locator("a[href]")
      .evaluateAll((links, pattern) => links.map((a) => a.getAttribute("href")!).find((h) => new RegExp(pattern).test(h)), link.source);
    expect(href, `a detail link on ${list}`).toBeTruthy();
    await page.goto(href!);
    await expectAccessible(page, href!);
  }
  await page.goto("/admin");
  await page.getByRole("button", { name: "登记卡" }).first().click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await expectAccessible(page, "登记卡", '[role="dialog"]');
});
