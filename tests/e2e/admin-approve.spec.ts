// R19 in the browser: a customs admin reviews a pending change against the manual, approves it, and the
// INCREMENT message reaches the subscribing enterprise's import client: 下发成功 on the admin's 推送报文
// page and in the enterprise's own 推送记录.
import { expect, runSeedScript, signIn, test } from "./fixtures";

const PASSWORD = "Demo@2026";

test("审批通过 a pending change → the INCREMENT message is delivered and shown to admin and enterprise", async ({ page }) => {
  const { emsNo, manualChangeId } = runSeedScript<{ emsNo: string; manualChangeId: number }>("tests/e2e/seed-admin-change.ts");

  await signIn(page, "SW90000001", PASSWORD);
  await page.getByRole("link", { name: "变更审批" }).click();
  await expect(page).toHaveURL(/\/admin\/changes$/);
  await page.getByLabel("账册号").fill(emsNo);
  await page.getByRole("button", { name: "查询", exact: true }).click();
  const row = page.getByTestId(`change-row-${manualChangeId}`);
  await expect(row.getByTestId("change-status")).toHaveText("待审批");
  await row.getByRole("link", { name: "审核" }).click();

  await expect(page.getByText(`账册 ${emsNo} 第 1 次变更`)).toBeVisible();
  await expect(page.getByText("修改 1 条 · 删除 1 条 · 新增 1 条")).toBeVisible();
  const modified = page.getByTestId("row-diff-2");
  await expect(modified).toContainText("集成电路2（改）");
  await expect(modified).toContainText("100.00000");
  await expect(modified).toContainText("80.00000");

  await page.getByRole("button", { name: "审批通过" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "审批通过" }).click();
  await expect(page.getByText("审批通过，增量报文已排队推送")).toBeVisible();
  await expect(page.getByTestId("change-status")).toHaveText("审批通过");

  await page.goto(`/admin/push-messages?emsNo=${emsNo}`);
  const message = page.locator('[data-testid^="review-push-"]');
  await expect(async () => {
    await page.reload();
    await expect(message).toHaveCount(1);
    await expect(message.getByTestId("dispatch-status")).toHaveText("下发成功", { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(message.getByTestId("message-type")).toHaveText("增量");
  const messageId = (await message.getAttribute("data-testid"))!.replace("review-push-", "");

  await page.getByRole("link", { name: "审计日志" }).click();
  await expect(page).toHaveURL(/\/admin\/audit$/);
  await page.getByLabel("操作", { exact: true }).selectOption({ label: "变更审批通过" });
  await page.getByRole("button", { name: "查询", exact: true }).click();
  await expect(page.locator('[data-testid^="audit-"]').first()).toContainText(`#${manualChangeId}`);

  await page.getByRole("button", { name: "退出" }).click();
  await signIn(page, "SW10000001", PASSWORD);
  await page.getByRole("link", { name: "推送记录" }).click();
  await expect(page).toHaveURL(/\/pushes$/);
  await page.getByLabel("账册号").fill(emsNo);
  await page.getByRole("button", { name: "查询", exact: true }).click();
  const pushRow = page.getByTestId(`push-row-${messageId}`);
  await expect(pushRow.getByTestId("dispatch-status")).toHaveText("下发成功");
});

test("changes are approved in order; a decided change keeps its before-values, its whole diff paged, its own pushes linked", async ({ page }) => {
  const seeded = runSeedScript<{ emsNo: string; first: number; second: number; third: number }>("tests/e2e/seed-admin-change-order.ts");
  await signIn(page, "SW90000001", PASSWORD);

  // Change 3 waits for change 1: the page names it and offers only 退回.
  await page.goto(`/admin/changes/${seeded.third}`);
  await expect(page.getByTestId("approval-blocked")).toContainText("第 1 次变更");
  await expect(page.getByRole("button", { name: "审批通过" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "退回" })).toBeVisible();
  await page.getByTestId("approval-blocked").getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/admin/changes/${seeded.first}$`));

  await expect(page.getByTestId("diff-summary-materials")).toHaveText("修改 120 条 · 删除 1 条 · 新增 1 条");
  await expect(page.getByTestId("row-diff-100")).toBeVisible();
  await expect(page.getByTestId("row-diff-150")).toHaveCount(0);
  await page.getByRole("link", { name: "2", exact: true }).click();
  await expect(page.getByTestId("row-diff-150")).toContainText("集成电路150");
  await expect(page.getByTestId("row-diff-151")).toContainText("新增料件151");

  await page.getByRole("button", { name: "审批通过" }).click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toContainText(`账册 ${seeded.emsNo} 第 1 次变更`);
  await expect(dialog).toContainText("修改 120 条 · 删除 1 条 · 新增 1 条");
  await dialog.getByRole("button", { name: "审批通过" }).click();
  await expect(page.getByTestId("change-status")).toHaveText("审批通过");

  // Decided, the diff still reads 变更前 → 变更后.
  await expect(page.getByTestId("head-diff-chgTmsCnt")).toContainText("0");
  await expect(page.getByTestId("head-diff-chgTmsCnt")).toContainText("1");
  await expect(page.getByTestId("head-diff-dclTypecd")).toContainText("1 备案");
  await expect(page.getByTestId("head-diff-dclTypecd")).toContainText("2 变更");
  await expect(page.getByTestId("row-diff-150")).toContainText("集成电路150");
  await page.getByRole("link", { name: "1", exact: true }).click();
  await expect(page.getByTestId("row-diff-2")).toContainText("100.00000");
  await expect(page.getByTestId("row-diff-2")).toContainText("80.00000");

  await page.getByTestId("change-pushes").click();
  await expect(page).toHaveURL(new RegExp(`manualChangeId=${seeded.first}`));
  await expect(page.getByTestId("change-filter")).toContainText(`变更 #${seeded.first}`);
  await expect(async () => {
    await page.reload();
    await expect(page.locator('[data-testid^="review-push-"]')).toHaveCount(1, { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByTestId("message-change")).toHaveText(`变更 #${seeded.first}`);

  // Now change 3 waits for change 2.
  await page.goto(`/admin/changes/${seeded.third}`);
  await expect(page.getByTestId("approval-blocked")).toContainText("第 2 次变更");
});
