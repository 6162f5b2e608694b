// The enterprise's day without guessing (issue 17): deep links survive sign-in, the forbidden page reads the
// right way round, the records filter never drops a manual number silently, the card dialog keeps the focus.
import { expect, runSeedScript, signIn, test } from "./fixtures";

const PASSWORD = "Demo@2026";
const SMALL_MANUAL = "E32012500001";

test("a deep link opened signed out leads through sign-in back to itself", async ({ page }) => {
  await page.goto(`/pushes?emsNo=${SMALL_MANUAL}`);
  await expect(page).toHaveURL(/\/login\?next=%2Fpushes%3FemsNo%3DE32012500001$/);
  await page.getByLabel("账号").fill("SW10000001");
  await page.getByLabel("密码").fill(PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(new RegExp(`/pushes\\?emsNo=${SMALL_MANUAL}$`));
  await expect(page.getByLabel("账册号")).toHaveValue(SMALL_MANUAL);
});

test("a return address to another site is not followed", async ({ page }) => {
  await page.goto("/login?next=%2F%2Fevil.example%2F");
  await page.getByLabel("账号").fill("SW10000001");
  await page.getByLabel("密码").fill(PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(/\/subscriptions$/);
});

test("a customs admin on an enterprise page is told it is for enterprise users", async ({ page }) => {
  await signIn(page, "SW90000001", PASSWORD);
  // The page streams (its loading state), so the refusal comes as the forbidden page, not as a 403 status.
  await page.goto("/subscriptions");
  await expect(page.getByText("此页面仅供企业用户使用")).toBeVisible();
  await expect(page.getByText("仅限海关管理员")).toHaveCount(0);
  await page.getByRole("link", { name: "返回首页" }).click();
  await expect(page).toHaveURL(/\/admin\/dashboard$/);
});

test("the records filter takes a manual number in any case and spacing, and refuses what is none", async ({ page }) => {
  await signIn(page, "SW10000001", PASSWORD);
  await page.goto("/subscriptions");
  const filter = page.getByLabel("账册号").last();
  await filter.fill(" e3201 2500001 ");
  await page.getByRole("button", { name: "查询" }).click();
  await expect(filter).toHaveValue(SMALL_MANUAL);
  const contents = page.getByTestId("subscription-content");
  for (const text of await contents.allTextContents()) expect(text).toContain(SMALL_MANUAL);

  await filter.fill("E320");
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "账册号应为 E 开头的 12 位数字或字母" })).toBeVisible();
  await expect(filter).toHaveValue("E320");
  await expect(page.locator('[data-testid^="subscription-row-"]')).toHaveCount(0);
  await expect(page.getByText("账册号有误，未列出任何记录")).toBeVisible();
});

test("the card dialog opens on its primary step and gives the focus back when it closes", async ({ page }) => {
  await signIn(page, "SW10000001", PASSWORD);
  await page.goto("/subscriptions");
  const form = page.getByRole("form", { name: "加工贸易账册数据订阅" });
  await form.getByRole("button", { name: "选择导入客户端" }).click();
  await form.getByRole("radio").first().check();
  // A stock part never conflicts with another spec's subscriptions; Escape cancels it before anything is stored.
  await form.getByRole("checkbox", { name: "存量数据订阅" }).click();
  await form.getByLabel("账册号").first().fill("E32012500002");
  await form.getByRole("checkbox", { name: "料件" }).click();
  await form.getByLabel("料件序号范围 起始序号").fill("1");
  await form.getByLabel("料件序号范围 截止序号").fill("10");
  const submit = form.getByRole("button", { name: "订阅", exact: true });
  await submit.focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByTestId("card-signature-dialog");
  // The primary step has the focus (a transport to choose, or 读取卡片), never 取消.
  await expect
    .poll(() =>
      dialog.evaluate(
        (element) => element.contains(document.activeElement) && document.activeElement!.matches('[role="radio"], [data-primary-step]'),
      ),
    )
    .toBe(true);
  await expect(dialog.getByRole("button", { name: "取消" })).not.toBeFocused();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(submit).toBeFocused();
});

test("the manual picker lists own manuals with their sizes and offers the ranges that cover a large table", async ({ page }) => {
  await signIn(page, "SW10000001", PASSWORD);
  await page.goto("/subscriptions");
  const form = page.getByRole("form", { name: "加工贸易账册数据订阅" });
  await form.getByRole("checkbox", { name: "存量数据订阅" }).click();
  await form.getByRole("button", { name: "从本企业的账册中选择" }).click();
  const picker = form.getByRole("listbox", { name: "本企业为加工单位的账册" });
  await expect(picker.getByRole("option", { name: /E32012500001/ })).toContainText("料件 60 条 · 成品 25 条");
  await expect(picker.getByRole("option", { name: /E32012500002/ })).toContainText("料件 25,000 条 · 成品 12,000 条");
  // Another enterprise's manual is not offered.
  await expect(picker.getByRole("option", { name: /E44032500003/ })).toHaveCount(0);
  await picker.getByRole("option", { name: /E32012500002/ }).click();
  await expect(form.getByLabel("账册号").first()).toHaveValue("E32012500002");

  await form.getByRole("checkbox", { name: "料件" }).click();
  const ranges = form.getByTestId("covering-ranges");
  await expect(ranges).toContainText("料件共 25,000 条");
  await expect(ranges.getByRole("button")).toHaveText(["1-10000", "10001-20000", "20001-25000"]);
  await ranges.getByRole("button", { name: "10001-20000" }).click();
  await expect(form.getByLabel("料件序号范围 起始序号")).toHaveValue("10001");
  await expect(form.getByLabel("料件序号范围 截止序号")).toHaveValue("20000");
});

test("dates are yyyy-MM-dd in English too, picked from a calendar bounded by the rules", async ({ page }) => {
  await signIn(page, "SW10000001", PASSWORD);
  await page.goto("/subscriptions");
  await page.getByRole("button", { name: "English" }).click();
  const validUntil = page.getByLabel("Valid until");
  const latest = (await validUntil.getAttribute("data-max"))!;
  await expect(validUntil).toHaveValue(latest);
  await expect(validUntil).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
  await page.getByRole("button", { name: "Open the calendar to pick a date" }).first().click();
  const calendar = page.locator('[data-slot="popover-content"]');
  // The last day allowed is selected; the day after it (a year from today) cannot be chosen.
  await expect(calendar.locator(`button[data-day="${latest}"]`)).toHaveAttribute("data-selected-single", "true");
  const earlier = calendar.locator("button[data-day]:not([disabled])").first();
  const picked = (await earlier.getAttribute("data-day"))!;
  expect(picked < latest).toBe(true);
  await earlier.click();
  await expect(calendar).toBeHidden();
  await expect(validUntil).toHaveValue(picked);
  await page.getByRole("button", { name: "中文" }).click();
});

test("a stock push's progress updates by itself, without a reload", async ({ page }) => {
  await signIn(page, "SW10000001", PASSWORD);
  await page.goto("/subscriptions");
  const form = page.getByRole("form", { name: "加工贸易账册数据订阅" });
  await form.getByRole("button", { name: "选择导入客户端" }).click();
  await form.getByRole("radio").first().check();
  await form.getByRole("checkbox", { name: "存量数据订阅" }).click();
  await form.getByLabel("账册号").first().fill(SMALL_MANUAL);
  await form.getByRole("checkbox", { name: "成品" }).click();
  await form.getByLabel("成品序号范围 起始序号").fill("1");
  await form.getByLabel("成品序号范围 截止序号").fill("5");
  await form.getByRole("button", { name: "订阅", exact: true }).click();
  const dialog = page.getByTestId("card-signature-dialog");
  await dialog.getByRole("radio", { name: /虚拟卡/ }).click();
  await dialog.getByRole("button", { name: "读取卡片" }).click();
  await dialog.getByLabel("卡口令").fill("88888888");
  await dialog.getByRole("button", { name: "签名", exact: true }).click();
  await expect(page.getByText("数据订阅成功")).toBeVisible();
  // A marker a full reload would wipe out.
  await page.evaluate(() => Object.assign(window, { __noReload: true }));
  const row = page.locator('[data-testid^="subscription-row-"]').first();
  await expect(row.getByTestId("subscription-content")).toContainText("成品[1-5]");
  // A bracket never breaks across lines.
  await expect(row.getByTestId("subscription-content").locator("span.whitespace-nowrap", { hasText: "成品[1-5]" })).toHaveCSS(
    "white-space",
    "nowrap",
  );
  await expect(row.getByTestId("stock-progress")).toHaveText("推送进度 1/1", { timeout: 30_000 });
  expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);

  // The records list: 订阅时间, the total, and 推送进度 leading to that subscription's messages.
  await expect(page.getByRole("columnheader", { name: "订阅时间" })).toBeVisible();
  await expect(page.getByTestId("total-count")).toHaveText(/^共 \d+ 条$/);
  await row.getByTestId("stock-progress").click();
  await expect(page).toHaveURL(/\/pushes\?subscriptionId=\d+&from=\d{4}-\d{2}-\d{2}&to=/);
  await expect(page.getByTestId("subscription-filter")).toBeVisible();
  const messages = page.locator('[data-testid^="push-row-"]');
  await expect(messages).toHaveCount(1);
  await expect(messages.first()).toContainText(SMALL_MANUAL);
  // Without a 账册号 the push log lists every manual's messages of the last 7 days.
  await page.getByRole("link", { name: "显示全部订阅的报文" }).click();
  await expect(page.getByTestId("subscription-filter")).toHaveCount(0);
  await expect(page.locator('[data-testid^="push-row-"]').first()).toBeVisible();
});

test("a paused client is shown with its state and warns when chosen; a recovered client's failures say it recovered", async ({ page }) => {
  const clients = runSeedScript<{ paused: string; recovered: string }>("tests/e2e/seed-client-health.ts");
  await signIn(page, "SW10000001", PASSWORD);
  await page.goto("/subscriptions");
  const form = page.getByRole("form", { name: "加工贸易账册数据订阅" });
  await form.getByRole("button", { name: "选择导入客户端" }).click();
  const paused = form.locator("label", { hasText: clients.paused });
  await expect(paused).toContainText(/已暂停：自 \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} 起下发失败/);
  await expect(form.getByTestId("paused-client-warning")).toHaveCount(0);
  await paused.getByRole("radio").check();
  await expect(form.getByTestId("paused-client-warning")).toContainText("订阅后的报文将等待");

  await page.goto("/import-clients");
  const recovered = page.getByTestId(`client-row-${clients.recovered}`);
  await expect(recovered.getByTestId("client-recent-failures")).toContainText("1");
  await expect(recovered.getByTestId("client-recent-failures")).toContainText("已恢复，最近成功");
  // A delivery error in words the enterprise can act on, the technical detail below.
  const error = page.getByTestId(`client-row-${clients.paused}`).getByTestId("delivery-error");
  await expect(error).toContainText("导入客户端拒绝连接");
  await expect(error).toContainText("connect ECONNREFUSED 127.0.0.1:9");
});
