// Issue 20: pull delivery on real PostgreSQL and pg-boss, the real routes (served by scripts/bench/pull-portal.ts)
// and the real reference client in pull mode, with the push worker running: a pull-mode client's messages are
// pulled, never POSTed; leases expire into LEASE_EXPIRY attempts and re-offers, then 下发失败; a client that pulled
// and stopped before acknowledging gets each message in its inbox exactly once; resend and reconcile work.
import { existsSync, mkdtempSync, readdirSync, rmSync, unlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { POST as pullRoute } from "@/app/api/pull/v1/messages/route";
import { db } from "@/lib/db/client";
import { startPullClient } from "@/lib/import-client/pull-client";
import { reconcileInbox } from "@/lib/import-client/reconcile";
import { expireLeases } from "@/lib/pull/expire-leases";
import { leaseMessages } from "@/lib/pull/lease";
import { PULL_PATHS, type PulledMessage } from "@/lib/pull/protocol";
import { resendMessages } from "@/lib/pushes/resend";
import { getPlatformKeyPair } from "@/lib/signing/platform-key";
import { verifyPlatformSignature } from "@/lib/signing/platform";
import { createEnterprise } from "../support/factories";
import { buildIncrementMessages, storeMessages } from "../support/increment-messages";
import { setUpPushHarness, waitFor } from "../support/push-harness";
import { startPullPortal } from "../../scripts/bench/pull-portal";
import { pullSignerOf, signedPullRequest } from "../support/pull-requests";

const harness = setUpPushHarness({ retrySchedule: "1,1,2" });
let portal: Awaited<ReturnType<typeof startPullPortal>>;
const inboxes: string[] = [];

beforeAll(async () => {
  portal = await startPullPortal();
});
afterAll(async () => {
  await portal.close();
  for (const inbox of inboxes) rmSync(inbox, { recursive: true, force: true });
});

async function pullFixture() {
  const fixture = await createEnterprise(db);
  await harness.routeTo(db, fixture.client.id);
  await db.importClient.update({ where: { id: fixture.client.id }, data: { deliveryMode: "PULL" } });
  return fixture;
}

function newInbox() {
  const inbox = mkdtempSync(path.join(tmpdir(), "sw-pull-inbox-"));
  inboxes.push(inbox);
  return inbox;
}

const files = (inbox: string, emsNo: string) => (existsSync(path.join(inbox, emsNo)) ? readdirSync(path.join(inbox, emsNo)).sort() : []);

/** Polls until `check` holds (waitFor of the push harness); fails the test if it never does. */
const until = async (check: () => Promise<boolean>, timeoutMs = 30_000) => expect(await waitFor(check, (done) => done, timeoutMs)).toBe(true);

function clientOptions(fixture: Awaited<ReturnType<typeof createEnterprise>>, inbox: string) {
  return {
    portalUrl: portal.url,
    clientId: fixture.client.clientId,
    privateKey: fixture.legalCard.privateKey,
    inbox,
    platformPublicKey: getPlatformKeyPair().publicKey,
    verifyThreads: 0,
    waitSeconds: 5,
    leaseSeconds: 5,
    log: () => undefined,
  };
}

const statuses = async (importClientId: number) =>
  (await db.pushMessage.findMany({ where: { importClientId }, select: { dispatchStatus: true } })).map((m) => m.dispatchStatus);

describe("pull delivery", () => {
  test("a pull client that listens on no port gets every message once, acknowledged as 下发成功; the push worker posts none", async () => {
    const fixture = await pullFixture();
    const inbox = newInbox();
    const first = await buildIncrementMessages(db, fixture, 30);
    await storeMessages(db, first);
    const client = await startPullClient(clientOptions(fixture, inbox));
    try {
      // Incremental messages arriving while it waits: the long poll is woken by the trigger's NOTIFY.
      const later = await buildIncrementMessages(db, fixture, 20);
      await storeMessages(db, later);
      await until(async () => (await statuses(fixture.client.id)).every((s) => s === "DELIVERED"));
    } finally {
      await client.close();
    }
    expect(files(inbox, first[0].emsNo!)).toHaveLength(30);
    expect(files(harness.inbox, first[0].emsNo!)).toHaveLength(0);
    const kinds = await db.deliveryAttempt.groupBy({ by: ["kind"], where: { importClientId: fixture.client.id }, _count: true });
    expect(Object.fromEntries(kinds.map((k) => [k.kind, k._count]))).toEqual({ PULL: 50, ACK: 50 });
  });

  test("a waiting pull is answered as soon as a message is stored, not at the end of its wait", async () => {
    const fixture = await pullFixture();
    const started = Date.now();
    const answer = pullRoute(signedPullRequest({ signer: pullSignerOf(fixture), path: PULL_PATHS.messages, payload: { waitSeconds: 20 } }));
    await new Promise((resolve) => setTimeout(resolve, 500));
    const [message] = await buildIncrementMessages(db, fixture, 1);
    await storeMessages(db, [message]);
    const { messages } = (await (await answer).json()) as { messages: PulledMessage[] };
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(messages.map((m) => m.messageId)).toEqual([message.messageId]);
    // The exact stored body with the same signature headers a push carries.
    expect(messages[0].body).toBe(message.body);
    expect(
      verifyPlatformSignature({
        messageId: messages[0].headers["X-SW-Message-Id"],
        timestamp: messages[0].headers["X-SW-Timestamp"],
        signature: messages[0].headers["X-SW-Signature"],
        body: Buffer.from(messages[0].body, "utf8"),
        publicKey: getPlatformKeyPair().publicKey,
      }),
    ).toBe(true);
  });

  test("an unacknowledged lease expires into a LEASE_EXPIRY attempt and a re-offer; after push's attempts it is 下发失败", async () => {
    const fixture = await pullFixture();
    const [message] = await buildIncrementMessages(db, fixture, 1);
    const [id] = await storeMessages(db, [message]);
    const lease = (now: Date) =>
      leaseMessages({
        importClientId: fixture.client.id,
        scope: { enterpriseId: fixture.enterprise.id },
        deliveryModeChangedAt: null,
        max: 10,
        leaseSeconds: 60,
        now,
      });
    let now = Date.now();
    // Retry schedule "1,1,2": four offers in all, as four POST attempts.
    for (let offer = 1; offer <= 4; offer++) {
      expect((await lease(new Date(now))).messages.map((m) => m.messageId)).toEqual([message.messageId]);
      // Leased: not offered twice.
      expect((await lease(new Date(now + 1_000))).messages).toEqual([]);
      now += 61_000;
    }
    expect(await expireLeases({ importClientId: fixture.client.id, now: new Date(now) })).toEqual({ expired: 1, failed: 1 });
    const stored = await db.pushMessage.findUniqueOrThrow({ where: { id }, include: { attempts: { orderBy: { attemptNo: "asc" } } } });
    expect(stored.dispatchStatus).toBe("FAILED");
    expect(stored.lastError).toMatch(/^LEASE_EXPIRED: /);
    expect(stored.attempts.map((a) => a.kind)).toEqual([
      "PULL",
      "LEASE_EXPIRY",
      "PULL",
      "LEASE_EXPIRY",
      "PULL",
      "LEASE_EXPIRY",
      "PULL",
      "LEASE_EXPIRY",
    ]);
    expect((await lease(new Date(now))).messages).toEqual([]);
  });

  test("a client that pulled and stopped before acknowledging gets each message exactly once after its restart", async () => {
    const fixture = await pullFixture();
    const inbox = newInbox();
    const messages = await buildIncrementMessages(db, fixture, 12);
    await storeMessages(db, messages);
    // The first run pulled a batch and stored half of it before it was stopped: those files are in the inbox.
    const first = await startPullClient({ ...clientOptions(fixture, inbox), batchSize: 12, onStored: () => undefined });
    await until(async () => files(inbox, messages[0].emsNo!).length >= 1);
    await first.close();
    // Leased and not yet acknowledged, or acknowledged: whatever the stop left, the restart settles.
    const second = await startPullClient(clientOptions(fixture, inbox));
    try {
      await until(async () => (await statuses(fixture.client.id)).every((s) => s === "DELIVERED"), 40_000);
    } finally {
      await second.close();
    }
    expect(files(inbox, messages[0].emsNo!)).toEqual(messages.map((m) => `${m.messageId}.xml`).sort());
  });

  test("a resend in pull mode offers the message again; the client, holding it, acknowledges it", async () => {
    const fixture = await pullFixture();
    const inbox = newInbox();
    const [message] = await buildIncrementMessages(db, fixture, 1);
    const [id] = await storeMessages(db, [message]);
    const client = await startPullClient(clientOptions(fixture, inbox));
    try {
      await until(async () => (await statuses(fixture.client.id))[0] === "DELIVERED");
      await db.$transaction((tx) => resendMessages({ tx, scope: { enterpriseId: fixture.enterprise.id }, messageIds: [message.messageId] }));
      await until(async () => (await db.deliveryAttempt.count({ where: { pushMessageId: id, kind: "ACK" } })) === 2);
    } finally {
      await client.close();
    }
    expect(await db.pushMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({ dispatchStatus: "DELIVERED", resent: true });
    expect(files(inbox, message.emsNo!)).toEqual([`${message.messageId}.xml`]);
  });

  test("a pull of a client in 推送 mode or paused is refused by its code, offering nothing", async () => {
    const fixture = await createEnterprise(db);
    const [message] = await buildIncrementMessages(db, fixture, 1);
    await storeMessages(db, [message]);
    const pull = () => pullRoute(signedPullRequest({ signer: pullSignerOf(fixture), path: PULL_PATHS.messages, payload: { waitSeconds: 0 } }));
    const refusal = async (response: Response) => ({
      status: response.status,
      code: ((await response.json()) as { error: { code: string } }).error.code,
    });
    expect(await refusal(await pull())).toEqual({ status: 403, code: "PULL_MODE_REQUIRED" });
    await db.importClient.update({ where: { id: fixture.client.id }, data: { deliveryMode: "PULL", status: "PAUSED", pausedAt: new Date() } });
    expect(await refusal(await pull())).toEqual({ status: 403, code: "CLIENT_PAUSED" });
    expect(await db.deliveryAttempt.count({ where: { importClientId: fixture.client.id, kind: "PULL" } })).toBe(0);
  });

  test("reconcile proves the inbox against the signed manifest and fetches a lost file", async () => {
    const fixture = await pullFixture();
    const inbox = newInbox();
    const messages = await buildIncrementMessages(db, fixture, 5);
    await storeMessages(db, messages);
    const client = await startPullClient(clientOptions(fixture, inbox));
    try {
      await until(async () => (await statuses(fixture.client.id)).every((s) => s === "DELIVERED"));
    } finally {
      await client.close();
    }
    const lost = messages[2];
    unlinkSync(path.join(inbox, lost.emsNo!, `${lost.messageId}.xml`));
    const range = { from: new Date(Date.now() - 3_600_000), to: new Date(Date.now() + 60_000) };
    const report = await reconcileInbox({ ...clientOptions(fixture, inbox), ...range });
    expect(report).toEqual({ listed: 5, missing: [lost.messageId], mismatched: [], extra: [], fetched: [lost.messageId] });
    expect(files(inbox, lost.emsNo!)).toHaveLength(5);
    expect(await reconcileInbox({ ...clientOptions(fixture, inbox), ...range })).toMatchObject({ missing: [], fetched: [] });
  });
});
