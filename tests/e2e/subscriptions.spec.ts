// Manual sections 1–4 in the browser with the Chinese UI, signing with the virtual card (R1–R12).
import type { Locator, Page } from "@playwright/test";
import { DEMO_PIN, readCard, signWithPin } from "./card-flow";
import { expect, signIn, test } from "./fixtures";

const SMALL_MANUAL = "E32012500001";
const LARGE_MANUAL = "E32012500002";
const FOREIGN_MANUAL = "E44032500003";

async function openForm(page: Page, options: { signedIn?: boolean } = {}) {
  if (!options.signedIn) await signIn(page, "SW10000001", "Demo@2026");
  await page.goto("/subscriptions");
  const form = page.getByRole("form", { name: "加工贸易账册数据订阅" });
  await form.getByRole("button", { name: "选择导入客户端" }).click();
  await form.getByRole("radio").first().check();
  return form;
}

async function signWithVirtualCard(page: Page) {
  const dialog = page.getByTestId("card-signature-dialog");
  await expect(dialog).toContainText("请插入本企业法人卡");
  await readCard(dialog, /虚拟卡/);
  await signWithPin(dialog, DEMO_PIN);
  await expect(dialog).toBeHidden();
}

const firstRow = (page: Page): Locator => page.locator('[data-testid^="subscription-row-"]').first();

const daysBefore = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

async function subscribeIncremental(page: Page, form: Locator, emsNo: string, options: { daysShort?: number } = {}) {
  await form.getByRole("checkbox", { name: "增量数据订阅" }).click();
  await form.getByLabel("账册号").fill(emsNo);
  if (options.daysShort) {
    const validUntil = form.getByLabel("订阅有效期");
    await validUntil.fill(daysBefore((await validUntil.getAttribute("data-max"))!, options.daysShort));
  }
  await form.getByRole("button", { name: "订阅", exact: true }).click();
}

test.describe.configure({ mode: "serial" });

/** The stock record the first test signs, and the statement its dialog showed. */
let subscribedStock: { id: string; statement: string };

test("subscribe stock with ranges: 数据订阅成功 and the record on top", async ({ page }) => {
  const form = await openForm(page);
  await form.getByRole("checkbox", { name: "存量数据订阅" }).click();
  await form.getByLabel("账册号").fill(SMALL_MANUAL);
  await form.getByRole("checkbox", { name: "料件" }).click();
  await form.getByRole("checkbox", { name: "成品" }).click();
  await form.getByLabel("料件序号范围 起始序号").fill("1");
  await form.getByLabel("料件序号范围 截止序号").fill("50");
  await form.getByLabel("成品序号范围 起始序号").fill("1");
  await form.getByLabel("成品序号范围 截止序号").fill("20");
  await form.getByRole("button", { name: "订阅", exact: true }).click();
  // What you see is what you sign: the statement stands above the PIN field.
  const statement = page.getByTestId("card-signature-dialog").getByTestId("signed-statement");
  await expect(statement).toContainText(
    new RegExp(
      `^签署内容订阅 账册号 ${SMALL_MANUAL} 存量 料件\\[1-50\\] 成品\\[1-20\\]，有效期至 \\d{4}-\\d{2}-\\d{2} 23:59:59，推送至导入客户端 \\w{10}$`,
    ),
  );
  const signedText = await statement.locator("p").innerText();
  await signWithVirtualCard(page);
  await expect(page.getByText("数据订阅成功")).toBeVisible();
  const row = firstRow(page);
  await expect(row.getByTestId("subscription-content")).toContainText(`账册存量数据订阅: 账册号[${SMALL_MANUAL}] 料件[1-50]成品[1-20];`);
  // Read once the new record is the top row.
  subscribedStock = { id: (await row.getAttribute("data-testid"))!.replace("subscription-row-", ""), statement: signedText };
  await expect(row.getByTestId("subscription-status")).toHaveText("生效");
  await expect(row).toContainText("SW10000001");
  await expect(row).toContainText("8600000100001");
  await expect(row.getByRole("button", { name: "取消订阅" })).toHaveCount(0);
});

test("subscribe incremental, then a second one of the same manual is refused", async ({ page }) => {
  const form = await openForm(page);
  await subscribeIncremental(page, form, SMALL_MANUAL, { daysShort: 60 });
  await signWithVirtualCard(page);
  await expect(page.getByText("数据订阅成功")).toBeVisible();
  await expect(firstRow(page).getByTestId("subscription-content")).toHaveText(`账册增量数据订阅: 账册号[${SMALL_MANUAL}]`);

  const again = await openForm(page, { signedIn: true });
  await subscribeIncremental(page, again, SMALL_MANUAL);
  // The rules are checked before the card is asked for: the message stands next to the field.
  await expect(again.getByText("该账册已有生效的增量数据订阅")).toBeVisible();
  await expect(page.getByTestId("card-signature-dialog")).toHaveCount(0);
});

test("extend and cancel the incremental subscription", async ({ page }) => {
  await signIn(page, "SW10000001", "Demo@2026");
  await page.goto(`/subscriptions?emsNo=${SMALL_MANUAL}&kind=INCREMENTAL&status=ACTIVE`);
  const row = firstRow(page);
  await row.getByRole("button", { name: "延期" }).click();
  const dialog = page.getByRole("dialog", { name: "延期订阅" });
  const input = dialog.getByLabel("新的有效期");
  const later = daysBefore((await input.getAttribute("data-max"))!, 30);
  await input.fill(later);
  await dialog.getByRole("button", { name: "确定" }).click();
  await signWithVirtualCard(page);
  await expect(page.getByText("延期成功")).toBeVisible();
  await expect(row).toContainText(`${later} 23:59:59`);

  await row.getByRole("button", { name: "取消订阅" }).click();
  const confirm = page.getByRole("alertdialog");
  await expect(confirm.getByRole("heading", { name: "取消该订阅？" })).toBeVisible();
  await expect(confirm.getByRole("button", { name: "返回" })).toBeVisible();
  await confirm.getByRole("button", { name: "确认取消订阅" }).click();
  await signWithVirtualCard(page);
  await expect(page.getByText("已取消订阅")).toBeVisible();
  await page.goto(`/subscriptions?emsNo=${SMALL_MANUAL}&kind=INCREMENTAL&status=CANCELLED`);
  await expect(firstRow(page).getByTestId("subscription-status")).toHaveText("已取消");
  await expect(firstRow(page).getByRole("button", { name: "延期" })).toHaveCount(0);
});

test("stock and incremental in one request give one record with both parts", async ({ page }) => {
  const form = await openForm(page);
  await form.getByRole("checkbox", { name: "存量数据订阅" }).click();
  await form.getByLabel("账册号").first().fill(SMALL_MANUAL);
  await form.getByRole("checkbox", { name: "料件" }).click();
  await form.getByLabel("料件序号范围 起始序号").fill("1");
  await form.getByLabel("料件序号范围 截止序号").fill("10");
  await form.getByRole("checkbox", { name: "增量数据订阅" }).click();
  // Pre-filled from the stock part.
  await expect(form.getByLabel("账册号").nth(1)).toHaveValue(SMALL_MANUAL);
  await form.getByRole("button", { name: "订阅", exact: true }).click();
  await signWithVirtualCard(page);
  await expect(page.getByText("数据订阅成功")).toBeVisible();
  await expect(firstRow(page).getByTestId("subscription-content")).toHaveText(
    `账册存量数据订阅: 账册号[${SMALL_MANUAL}] 料件[1-10];账册增量数据订阅: 账册号[${SMALL_MANUAL}]`,
  );
  await expect(firstRow(page).getByRole("button", { name: "取消订阅" })).toBeVisible();
});

test("a manual of another processing unit is refused", async ({ page }) => {
  const form = await openForm(page);
  await subscribeIncremental(page, form, FOREIGN_MANUAL);
  await expect(form.getByText("本企业不是该账册的加工单位，不能订阅")).toBeVisible();
});

test("a range over 10,000 is refused next to the field, in the browser and without a whole-table empty range", async ({ page }) => {
  const form = await openForm(page);
  await form.getByRole("checkbox", { name: "存量数据订阅" }).click();
  await form.getByLabel("账册号").fill(LARGE_MANUAL);
  await form.getByRole("checkbox", { name: "料件" }).click();
  await form.getByLabel("料件序号范围 起始序号").fill("1");
  await form.getByLabel("料件序号范围 截止序号").fill("10001");
  await form.getByRole("button", { name: "订阅", exact: true }).click();
  await expect(form.getByText("料件序号范围每次最多 10000 条，请分多次订阅")).toBeVisible();
  await form.getByLabel("料件序号范围 起始序号").fill("");
  await form.getByLabel("料件序号范围 截止序号").fill("");
  await form.getByRole("button", { name: "订阅", exact: true }).click();
  await expect(form.getByText(/料件共 25000 条，超过 10000 条/)).toBeVisible();
});

test("an enterprise user never sees another enterprise's records", async ({ page }) => {
  await signIn(page, "SW10000002", "Demo@2026");
  await page.goto("/subscriptions");
  await expect(page.getByText("8600000100001")).toHaveCount(0);
  await expect(page.getByText(SMALL_MANUAL)).toHaveCount(0);
  const rows = page.locator('[data-testid^="subscription-row-"]');
  for (const row of await rows.all()) await expect(row).toContainText("4403940123");
});

test("the customs admin sees the record's signed statement, 签名有效, on its timeline", async ({ page }) => {
  await signIn(page, "SW90000001", "Demo@2026");
  await page.goto(`/admin/subscriptions/${subscribedStock.id}`);
  await expect(page.getByTestId("signature-check").first()).toContainText("签名有效");
  await expect(page.getByTestId("signed-statement").first()).toContainText(subscribedStock.statement);
  const subscribed = page.getByTestId("subscription-timeline").getByTestId("timeline-SUBSCRIBE");
  await expect(subscribed).toContainText(subscribedStock.statement);
  await expect(subscribed).toContainText("法人卡 8600000100001");
  await expect(subscribed.getByTestId("signature-check")).toContainText("签名有效");
});
