// storePushMessages' one INSERT … unnest … ON CONFLICT ("dedupeKey") DO NOTHING per batch, in a transaction on
// pg (lib/db/sql.ts) and in a Prisma one: every column as given, a repeated store inserts nothing and queues no
// second delivery job, and a failed transaction leaves neither messages nor jobs.
import { describe, expect, test } from "vitest";
import { db } from "@/lib/db/client";
import { inSqlTransaction } from "@/lib/db/sql";
import { JOB_SCHEMA } from "@/lib/jobs/boss";
import { nextMessageIds } from "@/lib/pushes/message-id";
import { storePushMessages, type NewPushMessage } from "@/lib/pushes/store-messages";
import { createEnterprise, createManual, createSubscription } from "../support/factories";

async function newMessages(count: number): Promise<NewPushMessage[]> {
  const fixture = await createEnterprise(db);
  const manual = await createManual(db, { processingUnitCode: fixture.enterprise.customsCode });
  const subscription = await createSubscription(db, fixture, manual);
  const messageIds = await nextMessageIds({ db, count, at: new Date() });
  return messageIds.map((messageId, index) => ({
    messageId,
    dedupeKey: `store-test:${messageId}`,
    enterpriseId: fixture.enterprise.id,
    // A TEST message has neither subscription nor emsNo: nulls in the int and text arrays.
    subscriptionId: index === 0 ? null : subscription.id,
    importClientId: fixture.client.id,
    emsNo: index === 0 ? null : manual.emsNo,
    type: index === 0 ? "TEST" : "INCREMENT",
    partNo: 1,
    partCount: 1,
    rowCount: index,
    body: `<x>体 "${index}" \\ {a,b} ${"é".repeat(index)}</x>`,
  }));
}

const deliveryJobsOf = async (ids: number[]) =>
  Number(
    (
      await db.$queryRawUnsafe<{ n: bigint }[]>(
        `SELECT count(*) n FROM ${JOB_SCHEMA}.job WHERE name = 'delivery' AND (data->>'pushMessageId')::int = ANY($1::int[])`,
        ids,
      )
    )[0].n,
  );

describe.each([
  ["on pg", (messages: NewPushMessage[]) => inSqlTransaction((tx) => storePushMessages({ tx, messages }))],
  ["in a Prisma transaction", (messages: NewPushMessage[]) => db.$transaction((tx) => storePushMessages({ tx, messages }))],
])("storing push messages %s", (_name, store) => {
  test("stores every column as given; a repeated store inserts nothing and queues no second job", async () => {
    const messages = await newMessages(3);
    const ids = await store(messages);
    expect(ids).toHaveLength(3);
    const rows = await db.pushMessage.findMany({ where: { id: { in: ids } }, orderBy: { id: "asc" } });
    expect(rows).toMatchObject(messages);
    expect(rows.every((r) => r.dispatchStatus === "PENDING" && r.attemptCount === 0)).toBe(true);
    expect(await deliveryJobsOf(ids)).toBe(3);

    // The same dedupeKeys again (with fresh message ids, as a re-run dispatch would have), and one new message.
    const [extra] = await newMessages(1);
    const again = messages.map((m, i) => ({ ...m, messageId: `${m.messageId.slice(0, -2)}9${i}`, body: "<changed/>" }));
    const second = await store([...again, extra]);
    expect(second).toHaveLength(1);
    expect(await db.pushMessage.count({ where: { dedupeKey: { in: messages.map((m) => m.dedupeKey) } } })).toBe(3);
    expect((await db.pushMessage.findUniqueOrThrow({ where: { id: ids[1] } })).body).toBe(messages[1].body);
    expect(await deliveryJobsOf([...ids, ...second])).toBe(4);
  });

  test("a transaction that fails after storing leaves neither messages nor delivery jobs", async () => {
    const messages = await newMessages(2);
    let stored: number[] = [];
    const failing = async (tx: Parameters<typeof storePushMessages>[0]["tx"]) => {
      stored = await storePushMessages({ tx, messages });
      throw new Error("after storing");
    };
    const run = _name === "on pg" ? inSqlTransaction(failing) : db.$transaction(failing);
    await expect(run).rejects.toThrow("after storing");
    expect(stored).toHaveLength(2);
    expect(await db.pushMessage.count({ where: { dedupeKey: { in: messages.map((m) => m.dedupeKey) } } })).toBe(0);
    expect(await deliveryJobsOf(stored)).toBe(0);
  });
});
