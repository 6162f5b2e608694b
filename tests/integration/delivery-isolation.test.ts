// Per-client isolation of delivery (lib/pushes/deliver-batch.ts) with a real worker, the real reference import
// client and loopback servers standing in for a slow client: one that accepts a request and holds it until the
// test answers it (or never). A slow client's POSTs are detached from their batch, covered by backstop jobs,
// and its further messages are deferred; graceful stop waits for the detached POSTs.
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { sm2KeyPair } from "@/lib/crypto/sm2";
import { db } from "@/lib/db/client";
import { startImportClient } from "@/lib/import-client/server";
import { JOB_SCHEMA } from "@/lib/jobs/boss";
import { stopSender } from "@/lib/jobs/send";
import { startWorker } from "@/lib/jobs/worker";
import { BACKSTOP_AFTER_SECONDS } from "@/lib/pushes/delivery-settings";
import { getPlatformKeyPair } from "@/lib/signing/platform-key";
import { createEnterprise } from "../support/factories";
import { buildIncrementMessages, storeMessages } from "../support/increment-messages";
import { jobState } from "../support/job-state";
import { waitFor } from "../support/push-harness";

type Fixture = Awaited<ReturnType<typeof createEnterprise>>;

process.env.PLATFORM_SM2_PRIVATE_KEY ??= sm2KeyPair().privateKey;
process.env.DELIVERY_RETRY_SCHEDULE = "1,1,2";
process.env.DELIVERY_BATCH_WAIT_MS = "1000";

const inbox = mkdtempSync(path.join(tmpdir(), "sw-isolation-inbox-"));
let client: Awaited<ReturnType<typeof startImportClient>>;
let worker: Awaited<ReturnType<typeof startWorker>>;
beforeAll(async () => {
  client = await startImportClient({ port: 0, inbox, platformPublicKey: getPlatformKeyPair().publicKey });
  worker = await startWorker({ databaseUrl: process.env.DATABASE_URL! });
});
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  delete process.env.DELIVERY_CLIENT_CONCURRENCY;
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
afterAll(async () => {
  await worker.stop(5_000);
  await client.close();
  await stopSender();
  rmSync(inbox, { recursive: true, force: true });
});

/** An import client that reads each request and holds it open until answer() (if ever). */
async function startHoldingClient() {
  const held: ServerResponse[] = [];
  let requests = 0;
  const server = createServer((request, response) => {
    requests++;
    request.resume();
    held.push(response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  cleanups.push(
    () =>
      new Promise((resolve) => {
        server.close(resolve);
        server.closeAllConnections();
      }),
  );
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/push`,
    get requests() {
      return requests;
    },
    /** Requests received and neither answered nor cut off. */
    get hanging() {
      return held.filter((response) => !response.writableEnded && !response.socket?.destroyed).length;
    },
    answer() {
      for (const response of held.splice(0)) response.end("ok");
    },
  };
}

async function enterpriseAt(endpointUrl: string): Promise<Fixture> {
  const fixture = await createEnterprise(db);
  await db.importClient.update({ where: { id: fixture.client.id }, data: { endpointUrl } });
  return fixture;
}

const messagesOf = (fixture: Fixture) =>
  db.pushMessage.findMany({ where: { importClientId: fixture.client.id }, orderBy: { id: "asc" }, include: { attempts: true } });

/** Waiting delivery jobs of these messages (not yet started). */
const waitingJobs = (ids: number[]) =>
  db.$queryRawUnsafe<{ id: string; data: { pushMessageId: number; afterAttempt?: number; deferrals?: number }; startsInSeconds: number }[]>(
    `SELECT id::text, data, extract(epoch FROM start_after - now())::float AS "startsInSeconds" FROM ${JOB_SCHEMA}.job
     WHERE name = 'delivery' AND state = 'created' AND (data->>'pushMessageId')::int = ANY($1::int[])`,
    ids,
  );

describe("one slow client costs only its own messages", () => {
  test("with a client that never answers in the same batches, every message of a healthy client is 下发成功 while the silent client's POSTs still hang", async () => {
    const silent = await startHoldingClient();
    const stalled = await enterpriseAt(silent.url);
    const healthy = await enterpriseAt(client.url);
    const silentMessages = await buildIncrementMessages(db, stalled, 3);
    const healthyMessages = await buildIncrementMessages(db, healthy, 60);
    // Interleaved, so that every batch of the delivery queue holds some of both.
    await storeMessages(db, healthyMessages.map((message, i) => (i % 20 === 0 ? [silentMessages[i / 20], message] : [message])).flat());

    const delivered = await waitFor(
      () => messagesOf(healthy),
      (all) => all.every((m) => m.dispatchStatus === "DELIVERED"),
    );
    expect(delivered.map((m) => m.dispatchStatus)).toEqual(Array(60).fill("DELIVERED"));
    expect(delivered.every((m) => m.attempts.length === 1 && m.attempts[0].delivered)).toBe(true);
    expect(readdirSync(path.join(inbox, healthyMessages[0].emsNo!))).toHaveLength(60);
    // The silent client's POSTs were made and are still open, nothing recorded for them yet.
    expect(silent.hanging).toBe(3);
    expect((await messagesOf(stalled)).map((m) => [m.dispatchStatus, m.attemptCount, m.attempts.length])).toEqual(Array(3).fill(["PENDING", 0, 0]));
  });

  test("a detached POST has a backstop job; when both the POST and its backstop run, the message is delivered once", async () => {
    const slow = await startHoldingClient();
    const fixture = await enterpriseAt(slow.url);
    const [id] = await storeMessages(db, await buildIncrementMessages(db, fixture, 1));

    await waitFor(
      () => slow.requests,
      (n) => n === 1,
    );
    const [backstop] = await waitFor(
      () => waitingJobs([id]),
      (jobs) => jobs.length === 1,
    );
    expect(backstop.data).toMatchObject({ pushMessageId: id, afterAttempt: 0 });
    expect(backstop.startsInSeconds).toBeGreaterThan(BACKSTOP_AFTER_SECONDS - 10);

    // The client answers: the detached POST records the delivery.
    slow.answer();
    await waitFor(
      () => db.pushMessage.findUniqueOrThrow({ where: { id } }),
      (m) => m.dispatchStatus === "DELIVERED",
    );
    // The backstop runs (made due now), finds the attempt recorded and posts nothing.
    await db.$executeRawUnsafe(`UPDATE ${JOB_SCHEMA}.job SET start_after = now() WHERE id = $1::uuid`, backstop.id);
    expect(
      await waitFor(
        () => jobState(db, backstop.id),
        (state) => state === "completed",
      ),
    ).toBe("completed");
    const [message] = await messagesOf(fixture);
    expect(message).toMatchObject({ dispatchStatus: "DELIVERED", attemptCount: 1 });
    expect(message.attempts).toMatchObject([{ attemptNo: 1, delivered: true, httpStatus: 200 }]);
    expect(slow.requests).toBe(1);
  });

  test("a message beyond its client's cap of in-flight POSTs is deferred: its job comes back later, no attempt counted", async () => {
    process.env.DELIVERY_CLIENT_CONCURRENCY = "2";
    const silent = await startHoldingClient();
    const fixture = await enterpriseAt(silent.url);
    const ids = await storeMessages(db, await buildIncrementMessages(db, fixture, 5));

    // Deferred twice: once when the batch stopped waiting, then at once, the client's two slots being held by detached POSTs.
    const jobs = await waitFor(
      () => waitingJobs(ids),
      (all) => all.some((job) => (job.data.deferrals ?? 0) >= 2),
    );
    const deferred = jobs.filter((job) => job.data.deferrals !== undefined);
    expect(deferred.length).toBe(3);
    expect(deferred.every((job) => job.data.afterAttempt === 0)).toBe(true);
    expect(silent.requests).toBe(2);
    expect(silent.hanging).toBe(2);
    expect((await messagesOf(fixture)).map((m) => [m.dispatchStatus, m.attemptCount, m.attempts.length])).toEqual(Array(5).fill(["PENDING", 0, 0]));
  });
});

describe("graceful stop", () => {
  // Last: it stops the file's worker.
  test("waits for a detached POST and records its outcome before it returns", async () => {
    const slow = await startHoldingClient();
    const fixture = await enterpriseAt(slow.url);
    const [id] = await storeMessages(db, await buildIncrementMessages(db, fixture, 1));
    await waitFor(
      () => slow.requests,
      (n) => n === 1,
    );
    await waitFor(
      () => waitingJobs([id]),
      (jobs) => jobs.length === 1,
    ); // detached: its batch has returned

    let stopped = false;
    const stopping = worker.stop(20_000).then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(stopped).toBe(false);
    slow.answer();
    await stopping;
    const [message] = await messagesOf(fixture);
    expect(message).toMatchObject({ dispatchStatus: "DELIVERED", attemptCount: 1 });
    expect(message.attempts).toMatchObject([{ delivered: true }]);
  });
});
