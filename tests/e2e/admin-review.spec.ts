// Issue 18 in the browser, as a customs reviewer: the dashboard lists the clients failing now (test messages
// counted nowhere, a recovered client not at all) and links to the client health view; the push-message list
// filters by import client, shows a message's true attempt count and last error, and opens the message with
// every attempt, its platform signature verified and its XML.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, runSeedScript, signIn, test } from "./fixtures";

const PASSWORD = "Demo@2026";

/** No serious or critical axe violation, as accessibility.spec.ts asks of every page. */
async function expectAccessible(page: Page, what: string) {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(
    violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.help}`),
    what,
  ).toEqual([]);
}

interface Seeded {
  failing: string;
  recovered: string;
  failedMessage: string;
  oldFailedMessage: string;
  deliveredLate: string;
}

test("failing now: the dashboard and the client health view agree; a recovered client is healthy", async ({ page }) => {
  const seeded = runSeedScript<Seeded>("tests/e2e/seed-admin-review.ts");
  await signIn(page, "SW90000001", PASSWORD);
  await page.goto("/admin/dashboard");

  const failing = page.getByTestId(`client-health-${seeded.failing}`);
  await expect(failing.getByTestId("client-health")).toHaveText("下发异常");
  await expect(failing.getByTestId("failures-since")).toHaveText("3");
  // Its failed test message is not counted, as the chart does not count it.
  await expect(failing.getByTestId("failed-count")).toHaveText("1");
  await expect(failing.getByTestId("last-failure")).toContainText("HTTP 503");
  await expect(page.getByTestId(`client-health-${seeded.recovered}`)).toHaveCount(0);

  await failing.getByRole("link", { name: seeded.failing }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/import-clients\\?clientId=${seeded.failing}$`));
  await expect(page.getByTestId(`client-health-${seeded.failing}`).getByTestId("failures-since")).toHaveText("3");
  await expectAccessible(page, "/admin/import-clients");

  // The count links to the messages it counts: the data message, not the failed test message.
  await page.getByTestId(`client-health-${seeded.failing}`).getByTestId("failed-count").click();
  await expect(page).toHaveURL(/\/admin\/push-messages\?.*type=DATA/);
  await expect(page.locator('[data-testid^="review-push-"]')).toHaveCount(1);
  await expect(page.getByTestId(`review-push-${seeded.failedMessage}`).getByTestId("attempt-count")).toContainText("失败 3 次");
  await page.goto(`/admin/import-clients?clientId=${seeded.failing}`);

  await page.getByLabel("客户端ID", { exact: true }).fill(seeded.recovered);
  await page.getByRole("button", { name: "查询" }).click();
  const recovered = page.getByTestId(`client-health-${seeded.recovered}`);
  await expect(recovered.getByTestId("client-health")).toHaveText("正常");
  // Its old pause is history, not shown as its state.
  await expect(recovered).not.toContainText("暂停于");
  await expect(recovered.getByTestId("failures-since")).toHaveText("0");
  await expect(recovered.getByTestId("failed-count")).toHaveText("1");

  await page.getByLabel("状态", { exact: true }).selectOption({ label: "下发异常（含已暂停）" });
  await page.getByLabel("客户端ID", { exact: true }).fill("");
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page.getByTestId(`client-health-${seeded.failing}`)).toBeVisible();
  await expect(page.getByTestId(`client-health-${seeded.recovered}`)).toHaveCount(0);
});

test("a push message a reviewer can inspect: filtered by client, every attempt, signature verified, XML", async ({ page }) => {
  const seeded = runSeedScript<Seeded>("tests/e2e/seed-admin-review.ts");
  await signIn(page, "SW90000001", PASSWORD);
  await page.goto("/admin/push-messages");
  await page.getByLabel("客户端ID", { exact: true }).fill(seeded.recovered.toLowerCase());
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page).toHaveURL(new RegExp(`clientId=${seeded.recovered.toLowerCase()}`));

  const rows = page.locator('[data-testid^="review-push-"]');
  await expect(rows).toHaveCount(2);
  await expect(page.getByTestId(`review-push-${seeded.oldFailedMessage}`)).toBeVisible();
  const late = page.getByTestId(`review-push-${seeded.deliveredLate}`);
  await expect(late.getByTestId("dispatch-status")).toHaveText("下发成功");
  await expect(late.getByTestId("attempt-count")).toContainText("3");
  await expect(late.getByTestId("attempt-count")).toContainText("失败 2 次");
  // Delivered at last, and still its last error is shown.
  await expect(late.getByTestId("last-error")).toContainText("HTTP 503");

  const exportLink = page.getByRole("link", { name: "导出 CSV" });
  await expect(exportLink).toHaveAttribute("href", new RegExp(`clientId=${seeded.recovered}`));

  await late.getByRole("link", { name: seeded.deliveredLate }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/push-messages/${seeded.deliveredLate}$`));
  await expect(page.getByText(`推送报文 ${seeded.deliveredLate}`)).toBeVisible();
  await expect(page.getByTestId("attempt-count")).toHaveText("3 次（失败 2 次）");
  await expect(page.getByTestId("last-error")).toContainText("HTTP 503");
  const attempts = page.getByTestId("delivery-attempts");
  await expect(attempts.getByTestId("attempt-1")).toContainText("下发失败");
  await expect(attempts.getByTestId("attempt-1")).toContainText("503");
  await expect(attempts.getByTestId("attempt-3")).toContainText("下发成功");
  await expect(attempts.getByTestId("attempt-3")).toContainText("200");
  await expect(attempts.getByTestId("attempt-3")).toContainText(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/);
  await expect(page.getByTestId("platform-signature")).toHaveText("签名有效（平台公钥验证通过）");
  await expect(page.getByText("X-SW-Signature")).toBeVisible();
  await expect(page.getByTestId("message-xml")).toContainText(`<MessageId>${seeded.deliveredLate}</MessageId>`);
  await expectAccessible(page, "/admin/push-messages/<messageId>");

  await page.getByRole("link", { name: seeded.recovered }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/import-clients\\?clientId=${seeded.recovered}$`));
  await expect(page.getByTestId(`client-health-${seeded.recovered}`)).toBeVisible();

  await page.goto("/admin/push-messages/20260000000000000000");
  await expect(page.getByText("页面不存在")).toBeVisible();
});

test("a manual's recipients in the last 7 days, by enterprise and client; counts open their messages, paged both ways", async ({ page }) => {
  const seeded = runSeedScript<{ emsNo: string; recent: string; old: string }>("tests/e2e/seed-admin-recipients.ts");
  await signIn(page, "SW90000001", PASSWORD);
  await page.goto(`/admin/manuals/${seeded.emsNo}`);
  await page.getByRole("link", { name: "数据接收情况" }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/manuals/${seeded.emsNo}/recipients$`));
  await expect(page.getByTestId("recipients-summary")).toHaveText("1 家企业 · 1 个导入客户端");
  const recent = page.getByTestId(`recipient-${seeded.recent}`);
  await expect(recent).toContainText("3201931234");
  await expect(recent.getByTestId("delivered")).toHaveText("21");
  await expect(recent.getByTestId("failed")).toHaveText("2");
  await expect(recent.getByTestId("last-delivered")).toHaveText(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/);
  await expect(page.getByTestId(`recipient-${seeded.old}`)).toHaveCount(0);
  await expectAccessible(page, "/admin/manuals/<emsNo>/recipients");

  // Every day: the other enterprise's delivery 10 days ago joins.
  await page.getByLabel("下发日期自").fill("");
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page.getByTestId(`recipient-${seeded.old}`).getByTestId("delivered")).toHaveText("1");
  await expect(page.getByTestId("recipients-summary")).toHaveText("2 家企业 · 2 个导入客户端");

  await page.getByTestId(`recipient-${seeded.recent}`).getByTestId("failed").getByRole("link").click();
  await expect(page).toHaveURL(/\/admin\/push-messages\?.*status=FAILED/);
  await expect(page.locator('[data-testid^="review-push-"]')).toHaveCount(2);

  await page.goto(`/admin/push-messages?emsNo=${seeded.emsNo}&clientId=${seeded.recent}`);
  await expect(page.getByTestId("total-count")).toHaveText("共 23 条");
  const rows = page.locator('[data-testid^="review-push-"]');
  await expect(rows).toHaveCount(20);
  const firstPage = await rows.evaluateAll((all) => all.map((row) => row.getAttribute("data-testid")));
  await page.getByRole("link", { name: "下一页" }).click();
  await expect(rows).toHaveCount(3);
  await expect(rows.first().locator("td").first()).toHaveText("21");
  await page.getByRole("link", { name: "上一页" }).click();
  await expect(rows).toHaveCount(20);
  expect(await rows.evaluateAll((all) => all.map((row) => row.getAttribute("data-testid")))).toEqual(firstPage);
  await expect(rows.first().locator("td").first()).toHaveText("1");
  await expect(page.getByRole("button", { name: "上一页" })).toBeDisabled();
});

test("at 1440 × 900 the review lists and a record fit the screen: 查看 in view without scrolling sideways", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, "SW90000001", PASSWORD);
  const fitsWidth = async (what: string) => {
    const overflow = await page.evaluate(() => [
      document.documentElement.scrollWidth - document.documentElement.clientWidth,
      ...[...document.querySelectorAll('[data-slot="table-container"]')].map((table) => table.scrollWidth - table.clientWidth),
    ]);
    expect(Math.max(...overflow), what).toBeLessThanOrEqual(1);
  };
  await page.goto("/admin/subscriptions");
  const view = page.getByRole("link", { name: "查看", exact: true }).first();
  await expect(view).toBeInViewport();
  await fitsWidth("/admin/subscriptions");
  // 订阅内容 was 72 px wide: its column now takes what the fixed ones leave.
  const contentCell = page.getByTestId("subscription-content").first().locator("xpath=ancestor::td");
  expect((await contentCell.boundingBox())!.width).toBeGreaterThanOrEqual(180);

  await page.goto("/admin/push-messages");
  await expect(page.locator('[data-testid^="review-push-"]').first()).toBeVisible();
  await fitsWidth("/admin/push-messages");

  await page.goto("/admin/subscriptions");
  await view.click();
  await expect(page).toHaveURL(/\/admin\/subscriptions\/\d+$/);
  await fitsWidth("/admin/subscriptions/<id>");
});
