// Several workers on one database (issue 8): two worker instances, each with its own pg-boss and pool, work the
// same queues at once. Every stock subscription is dispatched once however many of its jobs run, and every
// message reaches the import client once: one POST, one attempt, one file.
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { sm2KeyPair } from "@/lib/crypto/sm2";
import { db } from "@/lib/db/client";
import { startImportClient } from "@/lib/import-client/server";
import { stockDispatchJob } from "@/lib/jobs/definitions/stock-dispatch";
import { sendJobs, stopSender } from "@/lib/jobs/send";
import { startWorker } from "@/lib/jobs/worker";
import { loadManualHead } from "@/lib/manuals/records";
import { nextMessageIds } from "@/lib/pushes/message-id";
import { storePushMessages } from "@/lib/pushes/store-messages";
import { buildPushMessageXml } from "@/lib/pushes/xml";
import { getPlatformKeyPair } from "@/lib/signing/platform-key";
import { createEnterprise, createManual, createStockSubscription, createSubscription } from "../support/factories";
import { waitFor } from "../support/push-harness";

type Worker = Awaited<ReturnType<typeof startWorker>>;

const inbox = mkdtempSync(path.join(tmpdir(), "sw-multi-worker-"));
/** Every POST the client accepted, by message id: "stored" the first time, "duplicate" for any further one. */
const received = new Map<string, string[]>();
let client: Awaited<ReturnType<typeof startImportClient>>;
let workers: Worker[];

beforeAll(async () => {
  process.env.PLATFORM_SM2_PRIVATE_KEY ??= sm2KeyPair().privateKey;
  client = await startImportClient({
    port: 0,
    inbox,
    platformPublicKey: getPlatformKeyPair().publicKey,
    onStored: ({ messageId, result }) => received.set(messageId, [...(received.get(messageId) ?? []), result]),
  });
  workers = [await startWorker({ databaseUrl: process.env.DATABASE_URL! }), await startWorker({ databaseUrl: process.env.DATABASE_URL! })];
});

afterAll(async () => {
  await Promise.all(workers.map((worker) => worker.stop(5_000)));
  await client.close();
  await stopSender();
  rmSync(inbox, { recursive: true, force: true });
});

/** Watches which worker instances hold delivery jobs, by sampling each one's work in progress. */
function watchDeliveryWork(instances: Worker[]) {
  const busy = new Set<number>();
  const timer = setInterval(() => {
    instances.forEach((worker, index) => {
      if (worker.boss.getWipData().some((w) => w.name === "delivery" && w.count > 0)) busy.add(index);
    });
  }, 20);
  return { busy, stop: () => clearInterval(timer) };
}

describe("two workers on one database", () => {
  test("dispatch each stock subscription once and deliver each message once, sharing the work", async () => {
    const fixture = await createEnterprise(db);
    await db.importClient.update({ where: { id: fixture.client.id }, data: { endpointUrl: client.url } });
    const manual = await createManual(db, { processingUnitCode: fixture.enterprise.customsCode, materials: 4_500 });
    const stock = await Promise.all(
      Array.from({ length: 3 }, () => createStockSubscription(db, fixture, manual, { materials: { from: 1, to: 4_500 } })),
    );
    const incremental = await createSubscription(db, fixture, manual);
    const watch = watchDeliveryWork(workers);

    // Every stock subscription's dispatch job twice, so that both workers may run the same dispatch at once.
    const dispatches = stock.flatMap((s) => [{ subscriptionId: s.id }, { subscriptionId: s.id }]);
    await sendJobs(stockDispatchJob, dispatches);
    // And 400 INCREMENT messages queued at once, more than either worker takes in one batch.
    const manualHead = await loadManualHead({ db, manualId: manual.id });
    const messageIds = await nextMessageIds({ db, count: 400, at: new Date() });
    const increments = messageIds.map((messageId, index) => ({
      messageId,
      dedupeKey: `multi-worker:${messageId}`,
      enterpriseId: fixture.enterprise.id,
      subscriptionId: incremental.id,
      importClientId: fixture.client.id,
      emsNo: manual.emsNo,
      type: "INCREMENT" as const,
      partNo: 1,
      partCount: 1,
      rowCount: 0,
      body: buildPushMessageXml({
        head: {
          messageId,
          type: "INCREMENT",
          emsNo: manual.emsNo,
          subscriptionId: incremental.id,
          chgTmsCnt: index + 1,
          partNo: 1,
          partCount: 1,
          createdAt: new Date(),
        },
        manualHead,
        materials: [],
        products: [],
      }),
    }));
    await db.$transaction((tx) => storePushMessages({ tx, messages: increments }));

    const ours = { subscriptionId: { in: [...stock.map((s) => s.id), incremental.id] } };
    const messages = await waitFor(
      () => db.pushMessage.findMany({ where: ours, include: { attempts: true } }),
      (all) => all.length === 3 * 3 + 400 && all.every((m) => m.dispatchStatus === "DELIVERED"),
      60_000,
    );
    watch.stop();

    // One set of parts per stock subscription (2,000 + 2,000 + 500 rows), though each was dispatched twice.
    for (const subscription of stock) {
      const parts = messages.filter((m) => m.subscriptionId === subscription.id).sort((a, b) => a.partNo - b.partNo);
      expect(parts.map((m) => [m.partNo, m.partCount, m.rowCount])).toEqual([
        [1, 3, 2_000],
        [2, 3, 2_000],
        [3, 3, 500],
      ]);
    }
    expect(messages).toHaveLength(409);
    expect(messages.every((m) => m.dispatchStatus === "DELIVERED" && m.attemptCount === 1)).toBe(true);
    // Delivered once each: one attempt recorded, one POST received, one file written.
    expect(messages.filter((m) => m.attempts.length !== 1)).toEqual([]);
    expect(
      messages.filter((m) => (received.get(m.messageId) ?? []).join() !== "stored").map((m) => [m.messageId, received.get(m.messageId)]),
    ).toEqual([]);
    expect(readdirSync(path.join(inbox, manual.emsNo)).sort()).toEqual(messages.map((m) => `${m.messageId}.xml`).sort());
    expect([...watch.busy].sort()).toEqual([0, 1]);
  }, 90_000);
});
