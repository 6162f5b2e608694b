// 导入客户端管理 as a new user would set it up (issue 10): register a client, bind a card medium with the virtual
// card, send a test message to the reference import client and see 下发成功 and the file in its inbox, then
// choose the client in a new subscription.
import { existsSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { DEMO_PIN, OPERATOR_CARD, readCard, signWithPin } from "./card-flow";
import { expect, signIn, test } from "./fixtures";
import { E2E_STATE_DIR } from "./state";

const SMALL_MANUAL = "E32012500001";
// The reference import client of the e2e server (tests/e2e/server.ts).
const IMPORT_CLIENT_PORT = process.env.E2E_IMPORT_CLIENT_PORT ?? String(Number(process.env.E2E_PORT ?? 3100) + 5_000);
const IMPORT_CLIENT_URL = `http://127.0.0.1:${IMPORT_CLIENT_PORT}/push`;

async function signWithVirtualCard(page: Page) {
  const dialog = page.getByTestId("card-signature-dialog");
  await expect(dialog).toContainText("请插入本企业法人卡");
  await readCard(dialog, /虚拟卡/);
  await signWithPin(dialog, DEMO_PIN);
  await expect(dialog).toBeHidden();
}

test("register a client, bind a card, test it against the reference client, then subscribe with it", async ({ page }) => {
  await signIn(page, "SW10000001", "Demo@2026");
  await page.getByRole("link", { name: "导入客户端管理" }).click();
  await expect(page).toHaveURL(/\/import-clients$/);

  // Register: the platform assigns the 客户端ID.
  await page.getByRole("button", { name: "注册客户端" }).click();
  const register = page.getByRole("dialog", { name: "注册导入客户端" });
  await register.getByLabel("客户端名称").fill("端到端测试客户端");
  await register.getByLabel("接收地址").fill("ftp://127.0.0.1/push");
  await register.getByRole("button", { name: "签名并注册" }).click();
  await expect(register.getByText("接收地址须以 http:// 或 https:// 开头")).toBeVisible();
  await register.getByLabel("接收地址").fill(IMPORT_CLIENT_URL);
  await register.getByRole("button", { name: "签名并注册" }).click();
  await signWithVirtualCard(page);
  const registered = page.getByText(/注册成功，客户端ID \w{10}/);
  await expect(registered).toBeVisible();
  const clientId = /客户端ID (\w{10})/.exec((await registered.textContent())!)![1];
  const row = page.getByTestId(`client-row-${clientId}`);
  await expect(row.getByTestId("client-card")).toHaveText("未绑定");
  await expect(row.getByTestId("client-endpoint")).toHaveText(IMPORT_CLIENT_URL);
  await expect(row.getByTestId("client-status")).toHaveText("正常");

  // Bind the operator card as the card medium; the legal-person card signs.
  await row.getByRole("button", { name: "绑定卡介质" }).click();
  const bind = page.getByRole("dialog", { name: "绑定卡介质" });
  await bind.getByRole("radio", { name: OPERATOR_CARD }).click();
  await bind.getByRole("button", { name: "签名并绑定" }).click();
  await signWithVirtualCard(page);
  await expect(page.getByText(`客户端 ${clientId} 已绑定卡 ${OPERATOR_CARD}`)).toBeVisible();
  await expect(row.getByTestId("client-card")).toContainText(OPERATOR_CARD);

  // 发送测试报文: delivered to the reference client, which stores it in its inbox.
  await row.getByRole("button", { name: "发送测试报文" }).click();
  const confirmTest = page.getByRole("alertdialog", { name: "发送测试报文？" });
  await expect(confirmTest).toContainText("不计入客户端的失败次数");
  await confirmTest.getByRole("button", { name: "发送测试报文" }).click();
  const testDialog = page.getByRole("dialog", { name: `测试报文 · 客户端 ${clientId}` });
  await expect(testDialog.getByTestId("test-message-status")).toHaveText("下发成功", { timeout: 30_000 });
  await expect(testDialog.getByRole("list", { name: "下发记录" })).toContainText("HTTP 200");
  const messageId = /测试报文 (\d{20}) 已提交下发/.exec((await testDialog.getByText(/已提交下发/).textContent())!)![1];
  await expect.poll(() => existsSync(path.join(E2E_STATE_DIR, "inbox", "TEST", `${messageId}.xml`))).toBe(true);
  await testDialog.getByRole("button", { name: "关闭" }).click();
  await expect(row.getByTestId("client-last-delivery")).toContainText("下发成功");

  // The bound client is offered in the subscription form (R3) and can be chosen.
  await page.getByRole("link", { name: "加工贸易账册数据订阅" }).click();
  await expect(page).toHaveURL(/\/subscriptions$/);
  const form = page.getByRole("form", { name: "加工贸易账册数据订阅" });
  await form.getByRole("button", { name: "选择导入客户端" }).click();
  await form.locator("label", { hasText: clientId }).getByRole("radio").check();
  await form.getByRole("checkbox", { name: "存量数据订阅" }).click();
  await form.getByLabel("账册号").fill(SMALL_MANUAL);
  await form.getByRole("checkbox", { name: "料件" }).click();
  await form.getByLabel("料件序号范围 起始序号").fill("1");
  await form.getByLabel("料件序号范围 截止序号").fill("5");
  await form.getByRole("button", { name: "订阅", exact: true }).click();
  await signWithVirtualCard(page);
  await expect(page.getByText("数据订阅成功")).toBeVisible();
  await expect(page.locator('[data-testid^="subscription-row-"]').first()).toContainText(clientId);
});
