import { expect, signIn, test } from "./fixtures";

const PASSWORD = "Demo@2026";

test("an enterprise user signs in and sees the Chinese shell with the manual's menu", async ({ page }) => {
  await signIn(page, "SW10000001", PASSWORD);
  await expect(page).toHaveURL(/\/subscriptions$/);
  await expect(page.getByRole("link", { name: "加工贸易账册数据订阅" })).toBeVisible();
  await expect(page.getByText("数据订阅", { exact: true })).toBeVisible();
  await expect(page.getByTestId("current-user")).toContainText("苏州华芯电子科技有限公司");
  await expect(page.getByRole("link", { name: "企业与卡" })).toHaveCount(0);
});

test("a customs admin signs in and sees the admin section", async ({ page }) => {
  await signIn(page, "SW90000001", PASSWORD);
  await expect(page).toHaveURL(/\/admin\/dashboard$/);
  await page.getByRole("link", { name: "企业与卡" }).click();
  // The dashboard's expiring-subscriptions table may show the same customs code: look only once on /admin.
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole("cell", { name: "3201931234" })).toBeVisible();
  await expect(page.getByRole("link", { name: "企业与卡" })).toHaveAttribute("aria-current", "page");
});

test("an enterprise user is refused the admin page by the server", async ({ page }) => {
  await signIn(page, "SW10000002", PASSWORD);
  const response = await page.goto("/admin");
  expect(response?.status()).toBe(403);
  await expect(page.getByText("无权访问此页面")).toBeVisible();
  await expect(page.getByText("3201931234")).toHaveCount(0);
});

test("pages need a session", async ({ page }) => {
  await page.goto("/subscriptions");
  await expect(page).toHaveURL(/\/login\?next=%2Fsubscriptions$/);
});

test("a wrong password is refused with a Chinese message", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("账号").fill("SW10000003");
  await page.getByLabel("密码").fill("wrong-password");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "账号或密码错误" })).toBeVisible();
});

test("the language switch changes the shell to English and back", async ({ page }) => {
  await signIn(page, "SW10000003", PASSWORD);
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("link", { name: "Manual data subscription" })).toBeVisible();
  await page.getByRole("button", { name: "中文" }).click();
  await expect(page.getByRole("link", { name: "加工贸易账册数据订阅" })).toBeVisible();
});

test("sign-out returns to the sign-in page", async ({ page }) => {
  await signIn(page, "SW10000001", PASSWORD);
  await page.getByRole("button", { name: "退出" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/subscriptions");
  await expect(page).toHaveURL(/\/login/);
});
