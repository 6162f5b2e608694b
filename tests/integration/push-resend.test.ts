import { afterAll, describe, expect, test } from "vitest";
import { db } from "@/lib/db/client";
import { deliveryJob } from "@/lib/jobs/definitions/delivery";
import { stopSender } from "@/lib/jobs/send";
import { dispatchStockSubscription } from "@/lib/pushes/dispatch-stock";
import { resendMessages } from "@/lib/pushes/resend";
import { createEnterprise, createManual, createStockSubscription } from "../support/factories";

afterAll(() => stopSender());

/** An enterprise with one built (not delivered: no worker runs here) stock message. */
async function enterpriseWithMessage() {
  const fixture = await createEnterprise(db);
  // Nothing listens on the discard port: should a later worker pick the jobs up, they fail harmlessly.
  await db.importClient.update({ where: { id: fixture.client.id }, data: { endpointUrl: "http://127.0.0.1:9/push" } });
  const manual = await createManual(db, { processingUnitCode: fixture.enterprise.customsCode, materials: 2 });
  const subscription = await createStockSubscription(db, fixture, manual);
  await dispatchStockSubscription({ db, subscriptionId: subscription.id });
  const message = await db.pushMessage.findFirstOrThrow({ where: { subscriptionId: subscription.id } });
  return { fixture, message };
}

const resendJobsFor = async (pushMessageId: number) =>
  db.$queryRawUnsafe<{ data: { resend?: boolean } }[]>(
    `SELECT data FROM pgboss.job WHERE name = $1 AND (data->>'pushMessageId')::int = $2 AND data->>'resend' = 'true'`,
    deliveryJob.name,
    pushMessageId,
  );

const resend = (own: { fixture: { enterprise: { id: number } } }, messageIds: string[], extra: Partial<Parameters<typeof resendMessages>[0]> = {}) =>
  db.$transaction((tx) => resendMessages({ tx, scope: { enterpriseId: own.fixture.enterprise.id }, messageIds, ...extra }));

describe("resend (R17)", () => {
  test("is refused for another enterprise's message id, and then nothing changes, not even the own ones", async () => {
    const own = await enterpriseWithMessage();
    const foreign = await enterpriseWithMessage();
    await expect(resend(own, [own.message.messageId, foreign.message.messageId])).rejects.toMatchObject({
      code: "NOT_FOUND",
      refusal: { key: "pushes.resendNotFound" },
    });
    await expect(resend(own, ["20269999999999999999"])).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(resend(own, ["123"])).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(resend(own, [])).rejects.toMatchObject({ code: "INVALID_INPUT" });

    for (const { message } of [own, foreign]) {
      expect(await db.pushMessage.findUniqueOrThrow({ where: { id: message.id } })).toMatchObject({ resent: false, resentAt: null });
      expect(await resendJobsFor(message.id)).toEqual([]);
    }
    expect(await db.auditLog.count({ where: { action: "RESEND", enterpriseId: own.fixture.enterprise.id } })).toBe(0);
  });

  test("marks the own messages 已重发 with the time, queues their delivery and audits who signed it", async () => {
    const own = await enterpriseWithMessage();
    const now = new Date("2026-03-05T06:02:11.000Z");
    const result = await resend(own, [own.message.messageId, own.message.messageId], {
      now,
      audit: {
        actorUserId: own.fixture.user.id,
        actorAccount: own.fixture.user.accountCode,
        cardNo: own.fixture.operatorCard.cardNo,
        signature: "3045abcd",
        ip: null,
        signedMessage: new TextEncoder().encode("signed"),
        signedFormat: "canonical-json/1",
      },
    });
    expect(result).toEqual({ resentAt: now, messageIds: [own.message.messageId] });
    expect(await db.pushMessage.findUniqueOrThrow({ where: { id: own.message.id } })).toMatchObject({
      resent: true,
      resentAt: now,
      dispatchStatus: "PENDING",
      messageId: own.message.messageId,
      body: own.message.body,
    });
    expect(await resendJobsFor(own.message.id)).toHaveLength(1);
    const [audit] = await db.auditLog.findMany({ where: { action: "RESEND", enterpriseId: own.fixture.enterprise.id } });
    expect(audit).toMatchObject({
      actorUserId: own.fixture.user.id,
      cardNo: own.fixture.operatorCard.cardNo,
      signature: "3045abcd",
      targetType: "PushMessage",
      targetId: own.message.messageId,
      detail: { messageCount: 1 },
    });
  });
});
