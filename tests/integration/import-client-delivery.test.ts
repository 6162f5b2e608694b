// 导入客户端管理 with a real worker and the real reference import client: the test message, pausing a failing
// client after it has failed continuously for the configured period, probing and resuming it with nothing lost and in order.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { db } from "@/lib/db/client";
import { listImportClients } from "@/lib/import-clients/list";
import { probePausedClients } from "@/lib/import-clients/probe";
import { sendTestMessage } from "@/lib/import-clients/send-test-message";
import { getTestMessageStatus } from "@/lib/import-clients/test-message-status";
import { pushDailyCounts } from "@/lib/dashboard/push-daily-counts";
import { shanghaiDay, startOfShanghaiDay } from "@/lib/time/shanghai";
import { listFailingClients } from "@/lib/dashboard/failing-clients";
import { stockDispatchJob } from "@/lib/jobs/definitions/stock-dispatch";
import { sendJob } from "@/lib/jobs/send";
import { resumeClient } from "../support/client-actions";
import { createEnterprise, createManual, createStockSubscription } from "../support/factories";
import { setUpPushHarness, waitFor } from "../support/push-harness";

type Fixture = Awaited<ReturnType<typeof createEnterprise>>;
const harness = setUpPushHarness();
beforeEach(async () => {
  if (!(await fetch(harness.client.url.replace("/push", "/health")).catch(() => null))) await harness.restartClient();
});
afterEach(() => {
  delete process.env.CLIENT_PAUSE_AFTER_HOURS;
  process.env.DELIVERY_RETRY_SCHEDULE = "1,1,2";
});

const scopeOf = (fixture: Fixture) => ({ enterpriseId: fixture.enterprise.id });
const actorOf = (fixture: Fixture) => ({ userId: fixture.user.id, accountCode: fixture.user.accountCode });

async function testMessageResult(fixture: Fixture) {
  const { messageId } = await sendTestMessage({ db, scope: scopeOf(fixture), actor: actorOf(fixture), clientId: fixture.client.clientId });
  return waitFor(
    () => getTestMessageStatus({ db, scope: scopeOf(fixture), messageId }),
    (m) => m.dispatchStatus !== "PENDING",
  );
}

/** A one-part stock push of `fixture`'s manual; resolves once the message is stored. */
async function pushStock(fixture: Fixture, manual: { id: number; emsNo: string }) {
  const subscription = await createStockSubscription(db, fixture, manual, { materials: { from: 1, to: 3 } });
  await sendJob(stockDispatchJob, { subscriptionId: subscription.id });
  const [message] = await waitFor(
    () => db.pushMessage.findMany({ where: { subscriptionId: subscription.id } }),
    (all) => all.length === 1,
  );
  return message;
}

describe("发送测试报文", () => {
  test("goes through the normal delivery path into the reference client's inbox, with the attempt recorded", async () => {
    const fixture = await createEnterprise(db);
    await harness.routeTo(db, fixture.client.id);
    // Jobs left queued by earlier test files may build data messages meanwhile: compare with those.
    const dataMessagesToday = () =>
      db.pushMessage.count({ where: { type: { not: "TEST" }, dispatchedAt: { gte: startOfShanghaiDay(shanghaiDay()) } } });
    const countedToday = async () => {
      const today = (await pushDailyCounts({ db })).at(-1)!;
      return today.delivered + today.failed + today.pending - (await dataMessagesToday());
    };
    const countedBefore = await countedToday();
    const result = await testMessageResult(fixture);
    expect(result).toMatchObject({ dispatchStatus: "DELIVERED", clientId: fixture.client.clientId, endpointUrl: harness.client.url });
    expect(result.attempts).toMatchObject([{ attemptNo: 1, delivered: true, httpStatus: 200, error: null }]);

    const message = await db.pushMessage.findUniqueOrThrow({ where: { messageId: result.messageId } });
    expect(message).toMatchObject({
      type: "TEST",
      emsNo: null,
      subscriptionId: null,
      rowCount: 0,
      dedupeKey: expect.stringMatching(/^test:[0-9a-f-]{36}$/),
    });
    const stored = readFileSync(path.join(harness.inbox, "TEST", `${result.messageId}.xml`), "utf8");
    expect(stored).toBe(message.body);
    expect(stored).toContain(`<MessageType>TEST</MessageType>`);
    expect(stored).toContain(`<ClientId>${fixture.client.clientId}</ClientId>`);
    expect(stored).not.toContain("<EmsNo>");
    expect(await db.auditLog.count({ where: { action: "CLIENT_TEST", targetId: fixture.client.clientId } })).toBe(1);
    // Not data: the dashboard's daily counts leave it out.
    expect(await countedToday()).toBe(countedBefore);
  });

  test("an unreachable client fails it after one attempt, with the error shown", async () => {
    process.env.DELIVERY_RETRY_SCHEDULE = "1,1,1,1";
    const fixture = await createEnterprise(db);
    await db.importClient.update({ where: { id: fixture.client.id }, data: { endpointUrl: harness.client.url.replace("/push", "/elsewhere") } });
    const result = await testMessageResult(fixture);
    expect(result.dispatchStatus).toBe("FAILED");
    expect(result.attempts).toMatchObject([
      { attemptNo: 1, delivered: false, httpStatus: 404, error: expect.stringMatching(/^HTTP_STATUS: HTTP 404/) },
    ]);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await db.deliveryAttempt.count({ where: { pushMessage: { messageId: result.messageId } } })).toBe(1);
  });
});

describe("pausing a failing client, resuming it", () => {
  test("after failing continuously for the configured period the client is paused: new messages wait as 待下发; resume delivers all of them in order", async () => {
    process.env.CLIENT_PAUSE_AFTER_HOURS = "0.0005"; // 1.8 s of continuous failure
    process.env.DELIVERY_RETRY_SCHEDULE = "1,1,1,1,1,1";
    const fixture = await createEnterprise(db);
    await harness.routeTo(db, fixture.client.id);
    const manual = await createManual(db, { processingUnitCode: fixture.enterprise.customsCode, materials: 3 });
    await harness.stopClient();

    const first = await pushStock(fixture, manual);
    await waitFor(
      () => db.importClient.findUniqueOrThrow({ where: { id: fixture.client.id } }),
      (c) => c.status === "PAUSED",
    );
    const paused = await db.importClient.findUniqueOrThrow({ where: { id: fixture.client.id } });
    expect(paused.pausedAt).toBeInstanceOf(Date);
    expect(paused.pausedAt!.getTime() - paused.failingSince!.getTime()).toBeGreaterThanOrEqual(1_800);
    expect(paused.nextProbeAt!.getTime()).toBeGreaterThan(paused.pausedAt!.getTime());
    expect(await db.auditLog.findFirstOrThrow({ where: { action: "CLIENT_PAUSE", targetId: fixture.client.clientId } })).toMatchObject({
      enterpriseId: fixture.enterprise.id,
      detail: { failingSince: paused.failingSince!.toISOString(), pauseAfterHours: 0.0005 },
    });

    // Its retries are no longer used up, and later messages are not attempted at all.
    const attemptsAtPause = (await db.pushMessage.findUniqueOrThrow({ where: { id: first.id } })).attemptCount;
    const later = [await pushStock(fixture, manual), await pushStock(fixture, manual)];
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    const firstWaiting = await db.pushMessage.findUniqueOrThrow({ where: { id: first.id } });
    expect(firstWaiting).toMatchObject({ dispatchStatus: "PENDING", attemptCount: attemptsAtPause });
    for (const message of later) {
      expect(await db.pushMessage.findUniqueOrThrow({ where: { id: message.id } })).toMatchObject({ dispatchStatus: "PENDING", attemptCount: 0 });
    }
    const row = (await listImportClients({ db, scope: scopeOf(fixture) })).rows.find((r) => r.clientId === fixture.client.clientId);
    expect(row).toMatchObject({ status: "PAUSED", waiting: 3, failingSince: paused.failingSince, lastAttempt: { delivered: false } });
    expect((await listFailingClients({ db, limit: 1_000 })).find((c) => c.clientId === fixture.client.clientId)).toMatchObject({ status: "PAUSED" });

    // 恢复: everything that waited arrives, oldest first, nothing lost.
    await harness.restartClient();
    const resumed = await resumeClient(fixture, fixture.client.clientId);
    expect(resumed).toEqual({ ok: true, waiting: 3 });
    expect(await db.auditLog.findFirstOrThrow({ where: { action: "CLIENT_RESUME", targetId: fixture.client.clientId } })).toMatchObject({
      cardNo: fixture.legalCard.cardNo,
    });
    const ids = [first.id, ...later.map((m) => m.id)];
    const delivered = await waitFor(
      () => db.pushMessage.findMany({ where: { id: { in: ids } }, orderBy: { id: "asc" }, include: { attempts: { where: { delivered: true } } } }),
      (all) => all.every((m) => m.dispatchStatus === "DELIVERED"),
    );
    expect(delivered.map((m) => m.dispatchStatus)).toEqual(["DELIVERED", "DELIVERED", "DELIVERED"]);
    expect(harness.files(manual.emsNo)).toEqual(delivered.map((m) => `${m.messageId}.xml`).sort());
    const deliveredAt = delivered.map((m) => m.attempts[0].startedAt.getTime());
    expect(deliveredAt).toEqual([...deliveredAt].sort((x, y) => x - y));
    expect(await db.importClient.findUniqueOrThrow({ where: { id: fixture.client.id } })).toMatchObject({ status: "ACTIVE", failingSince: null });
  });

  test("a burst of failures within the period does not pause, and test messages never count", async () => {
    process.env.DELIVERY_RETRY_SCHEDULE = "0,0,0,0,0";
    const fixture = await createEnterprise(db);
    await db.importClient.update({ where: { id: fixture.client.id }, data: { endpointUrl: harness.client.url.replace("/push", "/elsewhere") } });
    for (let i = 0; i < 5; i++) expect((await testMessageResult(fixture)).dispatchStatus).toBe("FAILED");
    expect(await db.importClient.findUniqueOrThrow({ where: { id: fixture.client.id } })).toMatchObject({ status: "ACTIVE", failingSince: null });

    const manual = await createManual(db, { processingUnitCode: fixture.enterprise.customsCode, materials: 3 });
    const messages = [await pushStock(fixture, manual), await pushStock(fixture, manual), await pushStock(fixture, manual)];
    await waitFor(
      () => db.pushMessage.findMany({ where: { id: { in: messages.map((m) => m.id) } } }),
      (all) => all.every((m) => m.dispatchStatus === "FAILED"),
    );
    expect(await db.deliveryAttempt.count({ where: { pushMessageId: { in: messages.map((m) => m.id) } } })).toBe(18);
    const client = await db.importClient.findUniqueOrThrow({ where: { id: fixture.client.id } });
    expect(client).toMatchObject({ status: "ACTIVE", pausedAt: null });
    expect(client.failingSince).toBeInstanceOf(Date);
  });

  test("the probe resumes a paused client that answers again and delivers its waiting messages in order; one that still fails stays paused", async () => {
    const fixture = await createEnterprise(db);
    await harness.routeTo(db, fixture.client.id);
    const manual = await createManual(db, { processingUnitCode: fixture.enterprise.customsCode, materials: 3 });
    const pausedAt = new Date(Date.now() - 10 * 60_000);
    await db.importClient.update({
      where: { id: fixture.client.id },
      data: { status: "PAUSED", pausedAt, failingSince: new Date(pausedAt.getTime() - 86_400_000), nextProbeAt: new Date(Date.now() - 1_000) },
    });
    const waiting = [await pushStock(fixture, manual), await pushStock(fixture, manual)];
    for (const message of waiting) expect((await db.pushMessage.findUniqueOrThrow({ where: { id: message.id } })).attemptCount).toBe(0);

    // Still failing: one recorded attempt, the client stays paused with a later probe.
    await harness.stopClient();
    await probePausedClients({ db });
    const stillPaused = await db.importClient.findUniqueOrThrow({ where: { id: fixture.client.id } });
    expect(stillPaused.status).toBe("PAUSED");
    expect(stillPaused.nextProbeAt!.getTime()).toBeGreaterThan(Date.now());
    expect(await db.deliveryAttempt.count({ where: { importClientId: fixture.client.id, delivered: false } })).toBe(1);
    expect((await db.pushMessage.findUniqueOrThrow({ where: { id: waiting[0].id } })).dispatchStatus).toBe("PENDING");

    // Back: the probe delivers the oldest message, resumes the client, and the rest follow in order.
    await harness.restartClient();
    await db.importClient.update({ where: { id: fixture.client.id }, data: { nextProbeAt: new Date(Date.now() - 1_000) } });
    expect(await probePausedClients({ db })).toMatchObject({ probed: 1, resumed: 1 });
    expect(await db.auditLog.findFirstOrThrow({ where: { action: "CLIENT_AUTO_RESUME", targetId: fixture.client.clientId } })).toMatchObject({
      enterpriseId: fixture.enterprise.id,
    });
    const delivered = await waitFor(
      () =>
        db.pushMessage.findMany({
          where: { id: { in: waiting.map((m) => m.id) } },
          orderBy: { id: "asc" },
          include: { attempts: { where: { delivered: true } } },
        }),
      (all) => all.every((m) => m.dispatchStatus === "DELIVERED"),
    );
    expect(delivered[0].attempts[0].startedAt.getTime()).toBeLessThanOrEqual(delivered[1].attempts[0].startedAt.getTime());
    expect(await db.importClient.findUniqueOrThrow({ where: { id: fixture.client.id } })).toMatchObject({
      status: "ACTIVE",
      failingSince: null,
      nextProbeAt: null,
    });
  });

  test("a test message reaches a paused client, so the enterprise can check it before resuming", async () => {
    const fixture = await createEnterprise(db);
    await harness.routeTo(db, fixture.client.id);
    await db.importClient.update({ where: { id: fixture.client.id }, data: { status: "PAUSED", pausedAt: new Date() } });
    expect((await testMessageResult(fixture)).dispatchStatus).toBe("DELIVERED");
    expect((await db.importClient.findUniqueOrThrow({ where: { id: fixture.client.id } })).status).toBe("PAUSED");
  });
});
