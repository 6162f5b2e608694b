// Issue 20 in the browser: the enterprise registers an import client, binds its legal-person card and switches it
// to 拉取 with a card signature; a subscription's stock parts and an incremental message then reach the standalone
// reference client, which listens on no port. Killed -9 after its first file and restarted, it ends with each
// message in its inbox exactly once, and the push log shows 下发成功 for each.
import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "@playwright/test";
import { demoCards } from "@/lib/demo/cards";
import { pullArgs, startClientProcess, type ClientProcess } from "../../scripts/bench/pull-client-process";
import { DEMO_PIN, readCard, signWithPin } from "./card-flow";
import { expect, runSeedScript, signIn, test } from "./fixtures";

const LEGAL_PERSON_CARD = "8600000100001";
const PORTAL_URL = `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}`;

async function signWithVirtualCard(page: Page) {
  const dialog = page.getByTestId("card-signature-dialog");
  await readCard(dialog, /虚拟卡/);
  await signWithPin(dialog, DEMO_PIN);
  await expect(dialog).toBeHidden();
}

test("switch a client to 拉取; its messages reach a client on no port exactly once, through a kill -9", async ({ page }) => {
  test.setTimeout(240_000);
  await signIn(page, "SW10000001", "Demo@2026");
  await page.getByRole("link", { name: "导入客户端管理" }).click();
  await page.getByRole("button", { name: "注册客户端" }).click();
  const register = page.getByRole("dialog", { name: "注册导入客户端" });
  await register.getByLabel("客户端名称").fill("内网拉取客户端");
  await register.getByLabel("接收地址").fill("http://127.0.0.1:9/push");
  await register.getByRole("button", { name: "签名并注册" }).click();
  await signWithVirtualCard(page);
  const registered = page.getByText(/注册成功，客户端ID \w{10}/);
  const clientId = /客户端ID (\w{10})/.exec((await registered.textContent())!)![1];
  const row = page.getByTestId(`client-row-${clientId}`);
  await row.getByRole("button", { name: "绑定卡介质" }).click();
  const bind = page.getByRole("dialog", { name: "绑定卡介质" });
  await bind.getByRole("radio", { name: LEGAL_PERSON_CARD }).click();
  await bind.getByRole("button", { name: "签名并绑定" }).click();
  await signWithVirtualCard(page);
  await expect(row.getByTestId("client-delivery-mode")).toHaveText("推送");

  // 改为拉取, confirmed and signed with the legal-person card.
  await row.getByRole("button", { name: "改为拉取" }).click();
  const confirm = page.getByRole("alertdialog", { name: "修改下发方式" });
  await expect(confirm).toContainText("不会丢失或重复下发");
  await confirm.getByRole("button", { name: "确定" }).click();
  await signWithVirtualCard(page);
  await expect(page.getByText(`客户端 ${clientId} 的下发方式已改为拉取`)).toBeVisible();
  await expect(row.getByTestId("client-delivery-mode")).toHaveText("拉取");
  await expect(row.getByRole("button", { name: "改为推送" })).toBeVisible();

  const { emsNo, messages } = runSeedScript<{ emsNo: string; messages: number }>("tests/e2e/seed-pull-client.ts", [clientId]);
  expect(messages).toBe(3);
  const inbox = mkdtempSync(path.join(tmpdir(), "sw-e2e-pull-inbox-"));
  const files = () => (existsSync(path.join(inbox, emsNo)) ? readdirSync(path.join(inbox, emsNo)) : []);
  const card = demoCards.find((c) => c.cardNo === LEGAL_PERSON_CARD)!;
  const args = pullArgs({ portalUrl: PORTAL_URL, clientId, privateKey: card.privateKey, inbox });
  const runs: ClientProcess[] = [await startClientProcess(args)];
  try {
    // The first file stored (after the switch's 30 s grace), the client is killed -9 mid-batch and started again.
    await expect.poll(files, { timeout: 90_000 }).not.toHaveLength(0);
    runs[0].child.kill("SIGKILL");
    await runs[0].exited;
    runs.push(await startClientProcess(args));
    await expect.poll(() => files().length, { timeout: 90_000 }).toBe(3);

    await page.getByRole("link", { name: "推送记录" }).click();
    await page.getByLabel("账册号").fill(emsNo);
    const query = page.getByRole("button", { name: "查询", exact: true });
    const pushRows = page.locator('[data-testid^="push-row-"]');
    await expect(async () => {
      await query.click();
      await expect(pushRows).toHaveCount(3, { timeout: 2_000 });
      for (let i = 0; i < 3; i++) await expect(pushRows.nth(i)).toContainText("下发成功", { timeout: 2_000 });
    }).toPass({ timeout: 60_000 });
  } finally {
    for (const run of runs) run.child.kill("SIGKILL");
  }
  const stored = runs.map((run) => run.output().match(/\] stored /g)?.length ?? 0).reduce((a, b) => a + b, 0);
  expect(stored, runs.map((run) => run.output()).join("\n")).toBe(3);
  expect(files()).toHaveLength(3);
});
