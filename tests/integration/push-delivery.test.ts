import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, test } from "vitest";
import { db } from "@/lib/db/client";
import { deliverWaitingJob } from "@/lib/jobs/definitions/deliver-waiting";
import { stockDispatchJob } from "@/lib/jobs/definitions/stock-dispatch";
import { sendJob } from "@/lib/jobs/send";
import { deliverPushMessage } from "@/lib/pushes/deliver";
import { postPushMessage } from "@/lib/pushes/post-message";
import { resendMessages } from "@/lib/pushes/resend";
import { PLATFORM_HEADERS, signPlatformHeaders } from "@/lib/signing/platform";
import { createEnterprise, createManual, createStockSubscription } from "../support/factories";
import { setUpPushHarness, waitFor } from "../support/push-harness";

const harness = setUpPushHarness();
beforeEach(async () => {
  process.env.DELIVERY_RETRY_SCHEDULE = "1,1,2";
  if (!(await fetch(harness.client.url.replace("/push", "/health")).catch(() => null))) await harness.restartClient();
});

/** A small stock push (one part) to a client routed to the harness; returns its messages once built. */
async function pushSmallStock(options: { parts?: number } = {}) {
  const fixture = await createEnterprise(db);
  await harness.routeTo(db, fixture.client.id);
  const rows = (options.parts ?? 1) * 2_000;
  const manual = await createManual(db, { processingUnitCode: fixture.enterprise.customsCode, materials: rows });
  const subscription = await createStockSubscription(db, fixture, manual, { materials: { from: 1, to: rows } });
  await sendJob(stockDispatchJob, { subscriptionId: subscription.id });
  await waitFor(
    () => db.pushMessage.count({ where: { subscriptionId: subscription.id } }),
    (n) => n === (options.parts ?? 1),
  );
  return { fixture, manual, subscription };
}

const messagesOf = (subscriptionId: number) =>
  db.pushMessage.findMany({ where: { subscriptionId }, include: { attempts: { orderBy: { attemptNo: "asc" } } }, orderBy: { partNo: "asc" } });

describe("delivery (R15)", () => {
  test("a client that is down and then up gets everything through retries, every attempt recorded", async () => {
    process.env.DELIVERY_RETRY_SCHEDULE = "1,1,2,2,2,2";
    await harness.stopClient();
    const { manual, subscription } = await pushSmallStock({ parts: 2 });
    await waitFor(
      () => messagesOf(subscription.id),
      (all) => all.every((m) => m.attemptCount >= 2),
    );
    await harness.restartClient();

    const messages = await waitFor(
      () => messagesOf(subscription.id),
      (all) => all.every((m) => m.dispatchStatus === "DELIVERED"),
    );
    expect(harness.files(manual.emsNo)).toEqual(messages.map((m) => `${m.messageId}.xml`).sort());
    for (const message of messages) {
      expect(message.dispatchStatus).toBe("DELIVERED");
      expect(message.attempts.length).toBeGreaterThanOrEqual(3);
      expect(message.attemptCount).toBe(message.attempts.length);
      expect(message.attempts.map((a) => a.attemptNo)).toEqual(message.attempts.map((_, i) => i + 1));
      const failed = message.attempts.slice(0, -1);
      expect(failed.every((a) => !a.delivered && a.httpStatus === null && a.error?.startsWith("REFUSED: "))).toBe(true);
      expect(message.attempts.at(-1)).toMatchObject({ delivered: true, httpStatus: 200, error: null, isResend: false });
      // Retries wait as scheduled: at least about a second between attempts.
      for (let i = 1; i < message.attempts.length; i++) {
        expect(message.attempts[i].startedAt.getTime() - message.attempts[i - 1].startedAt.getTime()).toBeGreaterThanOrEqual(900);
      }
    }
  });

  test("after the last retry the message is 下发失败 and stays resendable; the resend delivers the same id and body", async () => {
    process.env.DELIVERY_RETRY_SCHEDULE = "1,1";
    await harness.stopClient();
    const { fixture, manual, subscription } = await pushSmallStock();
    const [failed] = await waitFor(
      () => messagesOf(subscription.id),
      (all) => all.every((m) => m.dispatchStatus === "FAILED"),
    );
    expect(failed).toMatchObject({ dispatchStatus: "FAILED", attemptCount: 3, deliveredAt: null, resent: false });
    expect(failed.lastError).toMatch(/^REFUSED: .*ECONNREFUSED/);
    expect(failed.attempts.map((a) => a.delivered)).toEqual([false, false, false]);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect((await messagesOf(subscription.id))[0].attemptCount).toBe(3); // no further attempts after FAILED

    await harness.restartClient();
    await db.$transaction((tx) => resendMessages({ tx, scope: { enterpriseId: fixture.enterprise.id }, messageIds: [failed.messageId] }));
    const [resent] = await waitFor(
      () => messagesOf(subscription.id),
      (all) => all[0].dispatchStatus === "DELIVERED",
    );
    expect(resent).toMatchObject({ dispatchStatus: "DELIVERED", resent: true, attemptCount: 4, messageId: failed.messageId, body: failed.body });
    expect(resent.resentAt).toBeInstanceOf(Date);
    expect(resent.attempts[3]).toMatchObject({ attemptNo: 4, isResend: true, delivered: true, httpStatus: 200 });
    expect(readFileSync(path.join(harness.inbox, manual.emsNo, `${failed.messageId}.xml`), "utf8")).toBe(failed.body);
  });

  test("a duplicate delivery (re-delivery after a lost answer, or a resend) gives one file", async () => {
    const { manual, subscription } = await pushSmallStock();
    const [message] = await waitFor(
      () => messagesOf(subscription.id),
      (all) => all[0].dispatchStatus === "DELIVERED",
    );
    const file = path.join(harness.inbox, manual.emsNo, `${message.messageId}.xml`);
    const stored = readFileSync(file, "utf8");

    // As if a worker died after the client stored the message but before the attempt was recorded.
    const lost = await postPushMessage({ endpointUrl: harness.client.url, messageId: message.messageId, body: message.body });
    expect(lost).toMatchObject({ delivered: true, httpStatus: 200 });
    expect(await deliverPushMessage({ db, pushMessageId: message.id, resend: true, afterAttempt: message.attemptCount })).toBe("DELIVERED");
    // A job that was already superseded, and an ordinary job for a delivered message, post nothing.
    expect(await deliverPushMessage({ db, pushMessageId: message.id, afterAttempt: message.attemptCount })).toBe("SKIPPED");
    expect(await deliverPushMessage({ db, pushMessageId: message.id })).toBe("SKIPPED");

    expect(harness.files(manual.emsNo)).toEqual([`${message.messageId}.xml`]);
    expect(readFileSync(file, "utf8")).toBe(stored);
    const after = (await messagesOf(subscription.id))[0];
    expect(after.attempts.map((a) => [a.attemptNo, a.isResend, a.delivered])).toEqual([
      [1, false, true],
      [2, true, true],
    ]);
  });

  test("the real client refuses a tampered body or signature of a real message with 401", async () => {
    const { subscription } = await pushSmallStock();
    const [message] = await waitFor(
      () => messagesOf(subscription.id),
      (all) => all[0].dispatchStatus === "DELIVERED",
    );
    const headers: Record<string, string> = {
      "Content-Type": "application/xml; charset=utf-8",
      ...signPlatformHeaders({ messageId: message.messageId, body: message.body }),
    };
    const tamperedBody = message.body.replace("<DclQty>100.00000</DclQty>", "<DclQty>900.00000</DclQty>");
    expect(tamperedBody).not.toBe(message.body);
    expect((await fetch(harness.client.url, { method: "POST", headers, body: tamperedBody })).status).toBe(401);
    const signature = headers[PLATFORM_HEADERS.signature];
    const tamperedSignature = signature.slice(0, -4) + (signature.endsWith("0000") ? "1111" : "0000");
    const refused = await fetch(harness.client.url, {
      method: "POST",
      headers: { ...headers, [PLATFORM_HEADERS.signature]: tamperedSignature },
      body: message.body,
    });
    expect(refused.status).toBe(401);
    expect((await fetch(harness.client.url, { method: "POST", headers, body: message.body })).status).toBe(200);
  });

  test("a paused client leaves messages 待下发 without using up retries, and gets them once resumed", async () => {
    const fixture = await createEnterprise(db);
    await harness.routeTo(db, fixture.client.id);
    await db.importClient.update({ where: { id: fixture.client.id }, data: { status: "PAUSED" } });
    const manual = await createManual(db, { processingUnitCode: fixture.enterprise.customsCode, materials: 3 });
    const subscription = await createStockSubscription(db, fixture, manual);
    await sendJob(stockDispatchJob, { subscriptionId: subscription.id });
    await waitFor(
      () => db.pushMessage.count({ where: { subscriptionId: subscription.id } }),
      (n) => n === 1,
    );
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const [waiting] = await messagesOf(subscription.id);
    expect(waiting).toMatchObject({ dispatchStatus: "PENDING", attemptCount: 0, attempts: [] });
    expect(harness.files(manual.emsNo)).toEqual([]);

    // What resuming does (lib/import-clients/resume.ts): active again, then the waiting messages are delivered.
    await db.importClient.update({ where: { id: fixture.client.id }, data: { status: "ACTIVE" } });
    await sendJob(deliverWaitingJob, { importClientId: fixture.client.id });
    const [delivered] = await waitFor(
      () => messagesOf(subscription.id),
      (all) => all[0].dispatchStatus === "DELIVERED",
    );
    expect(delivered.attempts).toHaveLength(1);
    expect(harness.files(manual.emsNo)).toEqual([`${delivered.messageId}.xml`]);
  });

  test("a client answering non-2xx is retried with the status recorded", async () => {
    process.env.DELIVERY_RETRY_SCHEDULE = "1";
    const fixture = await createEnterprise(db);
    await db.importClient.update({ where: { id: fixture.client.id }, data: { endpointUrl: harness.client.url.replace("/push", "/elsewhere") } });
    const manual = await createManual(db, { processingUnitCode: fixture.enterprise.customsCode, materials: 1 });
    const subscription = await createStockSubscription(db, fixture, manual);
    await sendJob(stockDispatchJob, { subscriptionId: subscription.id });
    const [failed] = await waitFor(
      () => messagesOf(subscription.id),
      (all) => all.length === 1 && all[0].dispatchStatus === "FAILED",
    );
    expect(failed.attempts.map((a) => [a.httpStatus, a.delivered])).toEqual([
      [404, false],
      [404, false],
    ]);
    expect(failed.lastError).toMatch(/^HTTP_STATUS: HTTP 404/);
  });
});
