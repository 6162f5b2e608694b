// 导入客户端管理 with a real worker and the real reference import client: the test message, pausing a failing
// client after the configured number of failures, and resuming it with nothing lost and in order.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { db } from "@/lib/db/client";
import { listImportClients } from "@/lib/import-clients/list";
import { sendTestMessage } from "@/lib/import-clients/send-test-message";
import { getTestMessageStatus } from "@/lib/import-clients/test-message-status";
import { pushDailyCounts } from "@/lib/dashboard/push-daily-counts";
import { shanghaiDay, startOfShanghaiDay } from "@/lib/time/shanghai";
import { listFailingClients } from "@/lib/dashboard/failing-clients";
import { stockDispatchJob } from "@/lib/jobs/definitions/stock-dispatch";
import { sendJob } from "@/lib/jobs/send";
import { resumeClient } from "../support/client-actions";
import { createEnterprise, createManual, createStockSubscription } from "../support/factories";
import { usePushHarness, waitFor } from "../support/push-harness";

type Fixture = Awaited<ReturnType<typeof createEnterprise>>;
const harness = usePushHarness();
beforeEach(async () => {
  if (!(await fetch(harness.client.url.replace("/push", "/health")).catch(() => null))) await harness.restartClient();
});
afterEach(() => {
  delete process.env.CLIENT_PAUSE_AFTER_FAILURES;
  process.env.DELIVERY_RETRY_SCHEDULE = "1,1,2";
});

const scopeOf = (fixture: Fixture) => ({ enterpriseId: fixture.enterprise.id });
const actorOf = (fixture: Fixture) => ({ userId: fixture.user.id, accountCode: fixture.user.accountCode });

async function testMessageResult(fixture: Fixture) {
  const { messageId } = await sendTestMessage({ db, scope: scopeOf(fixture), actor: actorOf(fixture), clientId: fixture.client.clientId });
  return waitFor(() => getTestMessageStatus({ db, scope: scopeOf(fixture), messageId }), (m) => m.dispatchStatus !== "PENDING");
}

/** A one-part stock push of `fixture`'s manual; resolves once the message is stored. */
async function pushStock(fixture: Fixture, manual: { id: number; emsNo: string }) {
  const subscription = await createStockSubscription(db, fixture, manual, { materials: { from: 1, to: 3 } });
  await sendJob(stockDispatchJob, { subscriptionId: subscription.id });
  const [message] = await waitFor(() => db.pushMessage.findMany({ where: { subscriptionId: subscription.id } }), (all) => all.length === 1);
  return message;
}

describe("发送测试报文", () => {
  test("goes through the normal delivery path into the reference client's inbox, with the attempt recorded", async () => {
    const fixture = await createEnterprise(db);
    await harness.routeTo(db, fixture.client.id);
    // Jobs left queued by earlier test files may build data messages meanwhile: compare with those.
    const dataMessagesToday = () => db.pushMessage.count({ where: { type: { not: "TEST" }, dispatchedAt: { gte: startOfShanghaiDay(shanghaiDay()) } } });
    const countedToday = async () => {
      const today = (await pushDailyCounts({ db })).at(-1)!;
      return today.delivered + today.failed + today.pending - (await dataMessagesToday());
    };
    const countedBefore = await countedToday();
    const result = await testMessageResult(fixture);
    expect(result).toMatchObject({ dispatchStatus: "DELIVERED", clientId: fixture.client.clientId, endpointUrl: harness.client.url });
    expect(result.attempts).toMatchObject([{ attemptNo: 1, delivered: true, httpStatus: 200, error: null }]);

    const message = await db.pushMessage.findUniqueOrThrow({ where: { messageId: result.messageId } });
    expect(message).toMatchObject({ type: "TEST", emsNo: null, subscriptionId: null, rowCount: 0, dedupeKey: expect.stringMatching(/^test:[0-9a-f-]{36}$/) });
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
    expect(result.attempts).toMatchObject([{ attemptNo: 1, delivered: false, httpStatus: 404, error: expect.stringMatching(/^客户端应答 HTTP 404/) }]);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await db.deliveryAttempt.count({ where: { pushMessage: { messageId: result.messageId } } })).toBe(1);
  });
});

describe("pausing a failing client, resuming it", () => {
  test("after the configured failures the client is paused: new messages wait as 待下发; resume delivers all of them in order", async () => {
    process.env.CLIENT_PAUSE_AFTER_FAILURES = "3";
    process.env.DELIVERY_RETRY_SCHEDULE = "1,1,1,1,1,1";
    const fixture = await createEnterprise(db);
    await harness.routeTo(db, fixture.client.id);
    const manual = await createManual(db, { processingUnitCode: fixture.enterprise.customsCode, materials: 3 });
    await harness.stopClient();

    const first = await pushStock(fixture, manual);
    await waitFor(() => db.importClient.findUniqueOrThrow({ where: { id: fixture.client.id } }), (c) => c.status === "PAUSED");
    const paused = await db.importClient.findUniqueOrThrow({ where: { id: fixture.client.id } });
    expect(paused.pausedAt).toBeInstanceOf(Date);
    expect(await db.auditLog.findFirstOrThrow({ where: { action: "CLIENT_PAUSE", targetId: fixture.client.clientId } }))
      .toMatchObject({ enterpriseId: fixture.enterprise.id, detail: { consecutiveFailures: 3, windowHours: 24 } });

    // Its retries are no longer used up, and later messages are not attempted at all.
    const later = [await pushStock(fixture, manual), await pushStock(fixture, manual)];
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    const firstWaiting = await db.pushMessage.findUniqueOrThrow({ where: { id: first.id } });
    expect(firstWaiting).toMatchObject({ dispatchStatus: "PENDING", attemptCount: 3 });
    for (const message of later) {
      expect(await db.pushMessage.findUniqueOrThrow({ where: { id: message.id } })).toMatchObject({ dispatchStatus: "PENDING", attemptCount: 0 });
    }
    const row = (await listImportClients({ db, scope: scopeOf(fixture) })).rows.find((r) => r.clientId === fixture.client.clientId);
    expect(row).toMatchObject({ status: "PAUSED", recentFailures: 3, waiting: 3, lastAttempt: { delivered: false } });
    expect((await listFailingClients({ db, limit: 1_000 })).find((c) => c.clientId === fixture.client.clientId)).toMatchObject({ status: "PAUSED" });

    // 恢复: everything that waited arrives, oldest first, nothing lost.
    await harness.restartClient();
    const resumed = await resumeClient(fixture, fixture.client.clientId);
    expect(resumed).toEqual({ ok: true, waiting: 3 });
    expect(await db.auditLog.findFirstOrThrow({ where: { action: "CLIENT_RESUME", targetId: fixture.client.clientId } })).toMatchObject({ cardNo: fixture.legalCard.cardNo });
    const ids = [first.id, ...later.map((m) => m.id)];
    const delivered = await waitFor(
      () => db.pushMessage.findMany({ where: { id: { in: ids } }, orderBy: { id: "asc" }, include: { attempts: { where: { delivered: true } } } }),
      (all) => all.every((m) => m.dispatchStatus === "DELIVERED"),
    );
    expect(delivered.map((m) => m.dispatchStatus)).toEqual(["DELIVERED", "DELIVERED", "DELIVERED"]);
    expect(harness.files(manual.emsNo)).toEqual(delivered.map((m) => `${m.messageId}.xml`).sort());
    const deliveredAt = delivered.map((m) => m.attempts[0].startedAt.getTime());
    expect(deliveredAt).toEqual([...deliveredAt].sort((x, y) => x - y));
    expect((await db.importClient.findUniqueOrThrow({ where: { id: fixture.client.id } })).status).toBe("ACTIVE");
  });

  test("failures before a resume do not count again: one more failure does not pause the client at once", async () => {
    process.env.CLIENT_PAUSE_AFTER_FAILURES = "3";
    const fixture = await createEnterprise(db);
    await db.importClient.update({ where: { id: fixture.client.id }, data: { endpointUrl: harness.client.url.replace("/push", "/elsewhere") } });
    for (let i = 0; i < 3; i++) await testMessageResult(fixture);
    expect((await db.importClient.findUniqueOrThrow({ where: { id: fixture.client.id } })).status).toBe("PAUSED");

    expect(await resumeClient(fixture, fixture.client.clientId)).toEqual({ ok: true, waiting: 0 });
    expect(await resumeClient(fixture, fixture.client.clientId)).toMatchObject({ ok: false, error: "该客户端未暂停，无需恢复" });
    expect((await testMessageResult(fixture)).dispatchStatus).toBe("FAILED");
    expect((await db.importClient.findUniqueOrThrow({ where: { id: fixture.client.id } })).status).toBe("ACTIVE");
  });

  test("a test message reaches a paused client, so the enterprise can check it before resuming", async () => {
    const fixture = await createEnterprise(db);
    await harness.routeTo(db, fixture.client.id);
    await db.importClient.update({ where: { id: fixture.client.id }, data: { status: "PAUSED", pausedAt: new Date() } });
    expect((await testMessageResult(fixture)).dispatchStatus).toBe("DELIVERED");
    expect((await db.importClient.findUniqueOrThrow({ where: { id: fixture.client.id } })).status).toBe("PAUSED");
  });
});
