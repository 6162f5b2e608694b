// Two enterprises, A owning something of every kind an action or route takes an id of (a paused bound client,
// an active incremental record, a failed data message, a TEST message, a pending change of its manual), and B
// with only its fixture, for tests in which B tries A's ids.
import type { Db } from "@/lib/db/client";
import { nextMessageIds } from "@/lib/pushes/message-id";
import { shanghaiDay } from "@/lib/time/shanghai";
import { createCustomsAdmin, createEnterprise, createManual, createManualChange, createSubscription } from "./factories";

export async function createTwoTenants(db: Db) {
  const a = await createEnterprise(db);
  const b = await createEnterprise(db);
  const admin = await createCustomsAdmin(db);
  const manual = await createManual(db, { processingUnitCode: a.enterprise.customsCode, materials: 3, products: 2 });
  const subscription = await createSubscription(db, a, manual);
  const client = await db.importClient.update({ where: { id: a.client.id }, data: { status: "PAUSED", pausedAt: new Date() } });
  const change = await createManualChange(db, manual, { chgTmsCnt: 1, materialChanges: [{ modfMarkcd: "2", gdsSeqno: 1 }] });
  const [dataMessageId, testMessageId] = await nextMessageIds({ db, count: 2, at: new Date() });
  const message = (messageId: string, type: "STOCK" | "TEST") => ({
    messageId,
    dedupeKey: `isolation:${messageId}`,
    enterpriseId: a.enterprise.id,
    importClientId: client.id,
    type,
    body: `<?xml version="1.0" encoding="UTF-8"?><Message><Id>${messageId}</Id></Message>`,
    dispatchStatus: "FAILED" as const,
    ...(type === "STOCK" ? { subscriptionId: subscription.id, emsNo: manual.emsNo } : {}),
  });
  await db.pushMessage.createMany({ data: [message(dataMessageId, "STOCK"), message(testMessageId, "TEST")] });
  const today = shanghaiDay();
  return {
    a,
    b,
    admin,
    manual,
    subscription,
    client,
    change,
    dataMessageId,
    testMessageId,
    /** A push-log query (R16) over A's manual that finds A's failed message. */
    failedQueryOfA: { emsNo: manual.emsNo, from: today, to: today },
  };
}

export type TwoTenants = Awaited<ReturnType<typeof createTwoTenants>>;
