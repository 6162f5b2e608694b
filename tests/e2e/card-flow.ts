// Shared steps of the card signing specs: a subscription to cancel, the way to the card dialog, the PIN.
import type { Locator, Page } from "@playwright/test";
import { expect, runSeedScript, signIn } from "./fixtures";

// Demo seed (lib/demo/seed.ts): enterprise 1's cards, another enterprise's card, the demo PIN.
export const LEGAL_PERSON_CARD = "8600000100001";
export const OPERATOR_CARD = "8600000100002";
export const OTHER_ENTERPRISE_CARD = "8600000200001";
export const DEMO_PIN = "88888888";

/** An ACTIVE incremental subscription of demo enterprise 1, in the e2e database (see card-seed.ts). */
export const seedActiveSubscription = () => runSeedScript<{ id: number }>("tests/e2e/card-seed.ts");

/** Signs in, asks to cancel the subscription and confirms; returns its row and the card dialog. */
export async function openCancelCardDialog(page: Page, subscriptionId: number): Promise<{ row: Locator; dialog: Locator }> {
  await signIn(page, "SW10000001", "Demo@2026");
  await page.goto("/subscriptions");
  const row = page.getByTestId(`subscription-row-${subscriptionId}`);
  await expect(row.getByTestId("subscription-status")).toHaveText("生效");
  await row.getByRole("button", { name: "取消订阅" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "确认取消订阅" }).click();
  const dialog = page.getByTestId("card-signature-dialog");
  await expect(dialog).toContainText("请插入本企业法人卡");
  return { row, dialog };
}

/** Chooses the transport and reads the card. */
export async function readCard(dialog: Locator, transport: RegExp) {
  await dialog.getByRole("radio", { name: transport }).click();
  await expect(dialog.getByRole("radio", { name: transport })).toBeChecked();
  await dialog.getByRole("button", { name: "读取卡片" }).click();
}

export async function signWithPin(dialog: Locator, pin: string) {
  await dialog.getByLabel("卡口令").fill(pin);
  await dialog.getByRole("button", { name: "签名", exact: true }).click();
}
