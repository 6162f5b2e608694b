// Manual section 6 (重发已推送数据) in the browser: query, select two rows, resend with one card signature.
import { DEMO_PIN, readCard, signWithPin } from "./card-flow";
import { expect, runSeedScript, signIn, test } from "./fixtures";

test("query → select two rows → 重发 with the virtual card → both rows show 已重发 with a time", async ({ page }) => {
  const { emsNo } = runSeedScript<{ emsNo: string }>("tests/e2e/seed-push-messages.ts");
  await signIn(page, "SW10000001", "Demo@2026");
  await page.getByRole("link", { name: "推送记录" }).click();
  await expect(page).toHaveURL(/\/pushes$/);
  await page.getByLabel("账册号").fill(emsNo);
  await page.getByRole("button", { name: "查询", exact: true }).click();
  const rows = page.locator('[data-testid^="push-row-"]');
  await expect(rows).toHaveCount(3);
  for (const header of ["序号", "报文ID", "账册号", "下发客户端ID", "下发状态", "下发时间", "重发标识", "重发时间", "操作"]) {
    await expect(page.getByRole("columnheader", { name: header, exact: true })).toBeVisible();
  }
  await expect(rows.first().getByTestId("resent-flag")).toHaveText("未重发");

  await rows.nth(0).getByRole("checkbox").click();
  await rows.nth(1).getByRole("checkbox").click();
  await page.getByRole("button", { name: "重发选中报文（2）" }).click();
  const dialog = page.getByTestId("card-signature-dialog");
  await expect(dialog).toContainText("请插入本企业法人卡或操作员卡");
  await readCard(dialog, /虚拟卡/);
  await signWithPin(dialog, DEMO_PIN);
  await expect(page.getByText("已提交重发 2 条报文")).toBeVisible();
  for (const i of [0, 1]) {
    await expect(rows.nth(i).getByTestId("resent-flag")).toHaveText("已重发");
    await expect(rows.nth(i).getByTestId("resent-at")).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  }
  await expect(rows.nth(2).getByTestId("resent-flag")).toHaveText("未重发");

  // The attempt timeline of a resent message, once delivered to the reference import client.
  await rows.nth(0).getByRole("button", { name: "详情" }).click();
  const detail = page.getByRole("dialog");
  await expect(detail.getByTestId("message-xml")).toContainText("<EmsPushMessage>");
  await expect(detail.getByTestId("delivery-attempts")).toContainText("下发成功");
});
