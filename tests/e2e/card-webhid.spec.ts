// A signed action through the WebHID code path: a fake navigator.hid (tests/support/card/virtual-hid.ts, bundled with
// esbuild and injected before the page's own scripts) whose tokens are virtual cards speaking the HID framing.
import { build } from "esbuild";
import type { FakeNavigatorHid } from "@/tests/support/card/virtual-hid";
import { DEMO_PIN, LEGAL_PERSON_CARD, OPERATOR_CARD, openCancelCardDialog, readCard, seedActiveSubscription, signWithPin } from "./card-flow";
import { expect, test } from "./fixtures";

declare global {
  interface Window {
    __fakeHid: FakeNavigatorHid;
  }
}

const WEBHID = /WebHID/;
let fakeHidScript: string;

test.beforeAll(async () => {
  const bundle = await build({
    stdin: {
      contents: `
        import { installFakeNavigatorHid } from "@/tests/support/card/virtual-hid";
        import { demoCards } from "@/lib/demo/cards";
        window.__fakeHid = installFakeNavigatorHid(demoCards);`,
      resolveDir: process.cwd(),
      sourcefile: "fake-navigator-hid.ts",
      loader: "ts",
    },
    bundle: true,
    platform: "browser",
    format: "iife",
    write: false,
    logLevel: "warning",
  });
  fakeHidScript = bundle.outputFiles[0].text;
});

test.beforeEach(async ({ page }) => {
  await page.addInitScript({ content: fakeHidScript });
});

test("cancels a subscription signed with the legal-person card over WebHID", async ({ page }) => {
  const subscription = seedActiveSubscription();
  const { row, dialog } = await openCancelCardDialog(page, subscription.id);

  await readCard(dialog, WEBHID);
  const summary = dialog.getByTestId("card-summary");
  await expect(summary).toContainText(LEGAL_PERSON_CARD);
  await expect(summary).toContainText("张建国");
  await expect(summary).toContainText("法人卡");
  await signWithPin(dialog, DEMO_PIN);

  await expect(dialog).toBeHidden();
  await expect(row.getByTestId("subscription-status")).toHaveText("已取消");
});

test("a wrong PIN shows the tries left, and the right one then signs", async ({ page }) => {
  const subscription = seedActiveSubscription();
  const { row, dialog } = await openCancelCardDialog(page, subscription.id);

  await readCard(dialog, WEBHID);
  await signWithPin(dialog, "12345678");
  await expect(dialog.getByRole("alert")).toHaveText("卡口令错误，还可尝试 4 次；多次输错将锁定该卡");
  await signWithPin(dialog, DEMO_PIN);

  await expect(dialog).toBeHidden();
  await expect(row.getByTestId("subscription-status")).toHaveText("已取消");
});

test("the operator card is refused before its PIN is asked, and cancelling changes nothing", async ({ page }) => {
  const subscription = seedActiveSubscription();
  const { row, dialog } = await openCancelCardDialog(page, subscription.id);
  await page.evaluate((cardNo) => window.__fakeHid.slot.insert(cardNo), OPERATOR_CARD);

  await readCard(dialog, WEBHID);
  await expect(dialog.getByRole("alert")).toHaveText("该卡是操作员卡，此操作须使用本企业法人卡：请插入法人卡后重新读取");
  await expect(dialog.getByLabel("卡口令")).toHaveCount(0);
  await dialog.getByRole("button", { name: "取消", exact: true }).click();

  await expect(dialog).toBeHidden();
  await page.reload();
  await expect(row.getByTestId("subscription-status")).toHaveText("生效");
});
