// 修改下发方式 (issue 20): signed with the legal-person card and audited; and safe at any moment — switched to 拉取 in
// the middle of a push burst, and back to 推送 with messages leased, every message reaches the client exactly once
// (one inbox or the other, never both) and is 下发成功.
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { POST as ackRoute } from "@/app/api/pull/v1/ack/route";
import { POST as pullRoute } from "@/app/api/pull/v1/messages/route";
import { db } from "@/lib/db/client";
import { startPullClient } from "@/lib/import-client/pull-client";
import { expireLeases } from "@/lib/pull/expire-leases";
import { PULL_PATHS, type PulledMessage } from "@/lib/pull/protocol";
import { PULL_SWITCH_GRACE_MS } from "@/lib/pull/settings";
import { getPlatformKeyPair } from "@/lib/signing/platform-key";
import { createEnterprise } from "../support/factories";
import { buildIncrementMessages, storeMessages } from "../support/increment-messages";
import { setUpPushHarness, waitFor } from "../support/push-harness";
import { startPullPortal } from "../../scripts/bench/pull-portal";
import { pullSignerOf, signedPullRequest } from "../support/pull-requests";
import { runSigned } from "../support/signing";

const harness = setUpPushHarness({ retrySchedule: "1,1,2" });
let portal: Awaited<ReturnType<typeof startPullPortal>>;
const pullInbox = mkdtempSync(path.join(tmpdir(), "sw-mode-inbox-"));

beforeAll(async () => {
  portal = await startPullPortal();
});
afterAll(async () => {
  await portal.close();
  rmSync(pullInbox, { recursive: true, force: true });
});

type Fixture = Awaited<ReturnType<typeof createEnterprise>>;
const switchTo = (fixture: Fixture, deliveryMode: "PUSH" | "PULL", card = fixture.legalCard) =>
  runSigned({ fixture, action: "CLIENT_DELIVERY_MODE", payload: { clientId: fixture.client.clientId, deliveryMode }, card });

const filesIn = (inbox: string, emsNo: string) => (existsSync(path.join(inbox, emsNo)) ? readdirSync(path.join(inbox, emsNo)) : []);
const delivered = (importClientId: number) => db.pushMessage.count({ where: { importClientId, dispatchStatus: "DELIVERED" } });

/** Polls until `check` holds (waitFor of the push harness); fails the test if it never does. */
const until = async (check: () => Promise<boolean>, timeoutMs = 40_000) => expect(await waitFor(check, (done) => done, timeoutMs)).toBe(true);

/** The pull grace after a switch, passed: the clock moved on rather than the test waiting 30 s. */
const graceOver = (fixture: Fixture) =>
  db.importClient.update({ where: { id: fixture.client.id }, data: { deliveryModeChangedAt: new Date(Date.now() - PULL_SWITCH_GRACE_MS - 1_000) } });

describe("修改下发方式", () => {
  test("signed with the legal-person card and audited; the operator card and an unchanged mode are refused, changing nothing", async () => {
    const fixture = await createEnterprise(db);
    expect(await switchTo(fixture, "PULL", fixture.operatorCard)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await switchTo(fixture, "PUSH")).toMatchObject({ ok: false, code: "RULE_VIOLATION", reason: "importClients.deliveryModeUnchanged" });
    expect((await db.importClient.findUniqueOrThrow({ where: { id: fixture.client.id } })).deliveryMode).toBe("PUSH");
    expect(await switchTo(fixture, "PULL")).toMatchObject({ ok: true, deliveryMode: "PULL", queued: 0 });
    expect(await db.importClient.findUniqueOrThrow({ where: { id: fixture.client.id } })).toMatchObject({
      deliveryMode: "PULL",
      deliveryModeChangedAt: expect.any(Date),
    });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "CLIENT_DELIVERY_MODE", targetId: fixture.client.clientId } });
    expect(audit).toMatchObject({ outcome: "OK", cardNo: fixture.legalCard.cardNo, detail: { deliveryMode: "PULL", previousDeliveryMode: "PUSH" } });
  });

  test("switched to 拉取 in the middle of a push burst: each message in exactly one inbox, all 下发成功", async () => {
    const fixture = await createEnterprise(db);
    await harness.routeTo(db, fixture.client.id);
    const burst = await buildIncrementMessages(db, fixture, 200);
    await storeMessages(db, burst);
    await until(async () => (await delivered(fixture.client.id)) >= 1, 40_000);
    expect(await switchTo(fixture, "PULL")).toMatchObject({ ok: true });
    const after = await buildIncrementMessages(db, fixture, 20);
    await storeMessages(db, after);
    const messages = [...burst, ...after];
    // No pull before the grace: a POST begun before the switch has ended by then.
    const early = await pullRoute(signedPullRequest({ signer: pullSignerOf(fixture), path: PULL_PATHS.messages, payload: { waitSeconds: 0 } }));
    expect(((await early.json()) as { messages: PulledMessage[] }).messages).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 3_000)); // the worker's POSTs under way at the switch end
    await graceOver(fixture);
    const client = await startPullClient({
      portalUrl: portal.url,
      clientId: fixture.client.clientId,
      privateKey: fixture.legalCard.privateKey,
      inbox: pullInbox,
      platformPublicKey: getPlatformKeyPair().publicKey,
      verifyThreads: 0,
      waitSeconds: 2,
      log: () => undefined,
    });
    try {
      await until(async () => (await delivered(fixture.client.id)) === 220);
    } finally {
      await client.close();
    }
    const files = (inbox: string) => [...new Set(messages.map((m) => m.emsNo!))].flatMap((emsNo) => filesIn(inbox, emsNo));
    const pushed = files(harness.inbox);
    const pulled = files(pullInbox);
    expect(pushed.length).toBeGreaterThanOrEqual(1);
    expect(pulled.length).toBeGreaterThanOrEqual(20);
    expect(pushed.filter((file) => pulled.includes(file))).toEqual([]);
    expect([...pushed, ...pulled].sort()).toEqual(messages.map((m) => `${m.messageId}.xml`).sort());
  });

  test("back to 推送 with messages leased: the waiting ones are posted, a leased one acknowledged is not, an expired one is", async () => {
    const fixture = await createEnterprise(db);
    await harness.routeTo(db, fixture.client.id);
    await db.importClient.update({ where: { id: fixture.client.id }, data: { deliveryMode: "PULL" } });
    const messages = await buildIncrementMessages(db, fixture, 6);
    await storeMessages(db, messages);
    const signer = pullSignerOf(fixture);
    const pulled = await pullRoute(signedPullRequest({ signer, path: PULL_PATHS.messages, payload: { max: 2, waitSeconds: 0, leaseSeconds: 60 } }));
    const [acked, expiring] = ((await pulled.json()) as { messages: PulledMessage[] }).messages.map((m) => m.messageId);
    expect(await switchTo(fixture, "PUSH")).toMatchObject({ ok: true, queued: 4 });
    await until(async () => (await delivered(fixture.client.id)) === 4);
    // The lease still running when the client switched is settled by its ack, in either mode.
    const ack = await ackRoute(signedPullRequest({ signer, path: PULL_PATHS.ack, payload: { messageIds: [acked] } }));
    expect(await ack.json()).toEqual({ acknowledged: [acked], alreadyAcknowledged: [] });
    // The other lease expires; its message, its client now pushed to, is posted.
    expect(await expireLeases({ importClientId: fixture.client.id, now: new Date(Date.now() + 61_000) })).toEqual({ expired: 1, failed: 0 });
    await until(async () => (await delivered(fixture.client.id)) === 6);
    const pushed = filesIn(harness.inbox, messages[0].emsNo!);
    expect(pushed).toHaveLength(5);
    expect(pushed).not.toContain(`${acked}.xml`);
    expect(pushed).toContain(`${expiring}.xml`);
  });
});
