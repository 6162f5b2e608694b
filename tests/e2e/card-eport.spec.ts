// A signed action through the e-port local client path: a test WebSocket server speaking the client's JSON
// protocol (tests/support/eport-server.ts) on a random port, which the page is pointed at with
// window.__SW_EPORT_URL__ (honoured only where the virtual card is allowed; components/card/eport-url.ts).
import { demoCards } from "@/lib/demo/cards";
import { type EportServer, startEportServer } from "@/tests/support/eport-server";
import { DEMO_PIN, LEGAL_PERSON_CARD, OTHER_ENTERPRISE_CARD, openCancelCardDialog, readCard, seedActiveSubscription, signWithPin } from "./card-flow";
import { expect, test } from "./fixtures";

const EPORT = /电子口岸/;
let eport: EportServer;

test.beforeAll(async () => {
  eport = await startEportServer({ port: 0, cards: demoCards });
});
test.afterAll(() => eport.close());

test.beforeEach(async ({ page }) => {
  eport.slot.insert(LEGAL_PERSON_CARD);
  await page.addInitScript((url) => {
    window.__SW_EPORT_URL__ = url;
  }, eport.url);
});

test("cancels a subscription signed through the e-port local client", async ({ page }) => {
  const subscription = seedActiveSubscription();
  const { row, dialog } = await openCancelCardDialog(page, subscription.id);

  // The client answers, so it is the preselected transport.
  await expect(dialog.getByRole("radio", { name: EPORT })).toBeChecked();
  await readCard(dialog, EPORT);
  await expect(dialog.getByTestId("card-summary")).toContainText(LEGAL_PERSON_CARD);
  await signWithPin(dialog, DEMO_PIN);

  await expect(dialog).toBeHidden();
  await expect(row.getByTestId("subscription-status")).toHaveText("已取消");
});

test("another enterprise's card is refused", async ({ page }) => {
  const subscription = seedActiveSubscription();
  const { row, dialog } = await openCancelCardDialog(page, subscription.id);
  eport.slot.insert(OTHER_ENTERPRISE_CARD);

  await readCard(dialog, EPORT);
  await expect(dialog.getByRole("alert")).toHaveText("该卡属于其他企业，不能为本企业签名：请插入本企业的卡");
  await dialog.getByRole("button", { name: "取消", exact: true }).click();

  await expect(dialog).toBeHidden();
  await expect(row.getByTestId("subscription-status")).toHaveText("生效");
});
