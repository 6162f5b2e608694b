// Issue 18 in the browser, as a customs reviewer asking "who did what to X": the audit log filtered by a target
// from the record's own page, targets as links, details in full in Shanghai time, refusals in words; a card
// registered with its certificate's validity and revoked after a confirmation, its earlier signature still
// valid and saying since when the card is revoked; a CSV named by its filters.
import AxeBuilder from "@axe-core/playwright";
import { SM2_CERTIFICATE } from "../support/certificates";
import { expect, runSeedScript, signIn, test } from "./fixtures";

interface Seeded {
  customsCode: string;
  subscriptionId: number;
  legalCardNo: string;
  messageId: string;
  emsNo: string;
}

test("a subscription's and a message's trail, one click from their pages; details in full, refusals in words", async ({ page }) => {
  const seeded = runSeedScript<Seeded>("tests/e2e/seed-admin-audit.ts");
  await signIn(page, "SW90000001", "Demo@2026");

  await page.goto(`/admin/subscriptions/${seeded.subscriptionId}`);
  await page.getByRole("link", { name: "本记录的全部操作记录" }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/audit\\?targetType=Subscription&targetId=${seeded.subscriptionId}$`));
  const rows = page.locator('tr[data-testid^="audit-"]');
  await expect(rows).toHaveCount(2);
  await expect(page.getByTestId("total-count")).toHaveText("共 2 条");
  const [cancel, extend] = [rows.nth(0), rows.nth(1)];
  await expect(cancel).toContainText("取消订阅");
  await expect(cancel.getByTestId("signature-check")).toContainText("签名有效");
  // Shanghai time, not the stored instant.
  await expect(extend.getByTestId("audit-detail")).toContainText("2027-09-30 23:59:59");
  await expect(extend).not.toContainText("T15:59:59");
  await expect(extend.getByTestId("audit-target")).toHaveAttribute("href", `/admin/subscriptions/${seeded.subscriptionId}`);

  await page.goto(`/admin/audit?customsCode=${seeded.customsCode}&outcome=REFUSED`);
  await expect(page.getByText("料件序号范围每次最多 10000 条，请分多次订阅")).toBeVisible();
  await expect(page.getByText("账册号[E00000000000]不存在")).toBeVisible();

  // A mistyped target is said so, not read as "no filter".
  await page.goto(`/admin/audit?targetType=PushMessage&targetId=123`);
  await expect(page.getByText("报文ID应为 20 位数字")).toBeVisible();
  await expect(rows).toHaveCount(0);

  await page.goto(`/admin/push-messages/${seeded.messageId}`);
  await page.getByRole("link", { name: "本报文的全部操作记录" }).click();
  await expect(page).toHaveURL(new RegExp(`targetType=PushMessage&targetId=${seeded.messageId}$`));
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("重发");
  await expect(rows.first().getByTestId("audit-target")).toHaveAttribute("href", `/admin/push-messages/${seeded.messageId}`);

  const csv = await page.request.get(`/api/admin/export/push-messages?emsNo=${seeded.emsNo}&status=FAILED&dateFrom=2026-12-01&dateTo=2026-12-02`);
  expect(csv.status()).toBe(200);
  expect(decodeURIComponent(csv.headers()["content-disposition"].split("filename*=UTF-8''")[1])).toBe(
    `推送报文_${seeded.emsNo}_下发失败_20261201-20261202.csv`,
  );
});

test("cards a reviewer can trust: validity at registration and in the list, revoke after a confirmation, earlier signatures still valid", async ({
  page,
}) => {
  const seeded = runSeedScript<Seeded>("tests/e2e/seed-admin-audit.ts");
  await signIn(page, "SW90000001", "Demo@2026");
  await page.goto(`/admin/cards?customsCode=${seeded.customsCode}`);

  const cardNo = `87${String(Date.now()).slice(-11)}`;
  await page.getByRole("button", { name: "登记卡" }).click();
  const form = page.getByRole("dialog");
  await form.getByLabel("卡号").fill(cardNo);
  await form.getByLabel("持卡人").fill("新操作员");
  await form.getByLabel("SM2 公钥或证书").fill(SM2_CERTIFICATE);
  await expect(form.getByTestId("certificate-preview")).toHaveText("证书有效期 2026-11-28 06:28:07 至 2036-11-25 06:28:07");
  await form.getByRole("button", { name: "登记", exact: true }).click();
  await expect(page.getByText("卡已登记，证书有效期 2026-11-28 06:28:07 至 2036-11-25 06:28:07")).toBeVisible();
  const registered = page.getByTestId(`card-${cardNo}`);
  await expect(registered.getByTestId("card-validity")).toContainText("2036-11-25 06:28:07");
  await expect(registered.getByTestId("card-status")).toHaveText("正常");

  const legal = page.getByTestId(`card-${seeded.legalCardNo}`);
  await expect(legal.getByTestId("card-validity")).toHaveText("未提供证书（以公钥登记）");
  await legal.getByRole("button", { name: "注销" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("注销后该卡不能再签名");
  await dialog.getByRole("button", { name: "确认注销" }).click();
  await expect(dialog.getByRole("alert")).toHaveText("请填写注销原因");
  await dialog.getByLabel("注销原因").fill("法人变更");
  await dialog.getByRole("button", { name: "确认注销" }).click();
  await expect(legal.getByTestId("card-status")).toContainText("已注销");
  await expect(legal.getByRole("button", { name: "注销" })).toHaveCount(0);
  // No serious or critical axe violation on the card list, as accessibility.spec.ts asks of every page.
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(
    violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
  ).toEqual([]);

  await legal.getByRole("link", { name: "操作记录" }).click();
  await expect(page.locator('tr[data-testid^="audit-"]').first()).toContainText("卡注销");
  await expect(page.locator('tr[data-testid^="audit-"]').first().getByTestId("audit-detail")).toContainText("法人变更");

  await page.goto(`/admin/audit?targetType=Subscription&targetId=${seeded.subscriptionId}&action=CANCEL`);
  await expect(page.getByTestId("signature-check")).toContainText(/签名有效，该卡已于 \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} 注销/);
});
