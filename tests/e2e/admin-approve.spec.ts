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
  await page.getByLabel("操作").selectOption({ label: "变更审批通过" });
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
