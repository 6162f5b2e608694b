// Issue 18 from the customs reviewer's side: one push message inspected (attempts read from their rows, the
// platform signature headers verified), the list filtered by import client, and one definition of a client
// "failing now" behind the client health view and the dashboard, whose figures leave test messages out as the
// chart does.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { sm2KeyPair } from "@/lib/crypto/sm2";
import { countFailingClients, listFailingClients } from "@/lib/dashboard/failing-clients";
import { pushDailyCounts } from "@/lib/dashboard/push-daily-counts";
import { db } from "@/lib/db/client";
import { stopSender } from "@/lib/jobs/send";
import { deliverPushMessage } from "@/lib/pushes/deliver";
import { listClientHealth } from "@/lib/review/client-health";
import { listPushMessagesForReview } from "@/lib/review/list-push-messages";
import { loadPushMessageForReview } from "@/lib/review/push-message-detail";
import { sm3BodyHex } from "@/lib/signing/platform";
import { parseFilters, ZClientHealthFilters, ZPushMessageReviewFilters } from "@/lib/validations/admin-filters";
import { createEnterprise } from "../support/factories";

process.env.PLATFORM_SM2_PRIVATE_KEY ??= sm2KeyPair().privateKey;

type Fixture = Awaited<ReturnType<typeof createEnterprise>>;

// A loopback client that answers 503 to its first `failures` requests, then 200.
let server: http.Server;
let failuresLeft = 0;
let endpointUrl = "";
beforeAll(async () => {
  server = http.createServer((request, response) => {
    request.resume();
    request.on("end", () => {
      const fail = failuresLeft-- > 0;
      response.writeHead(fail ? 503 : 200).end(fail ? "busy" : "ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  endpointUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/push`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await stopSender();
});

let counter = 0;
async function message(
  fixture: Fixture,
  data: {
    importClientId?: number;
    type?: "STOCK" | "INCREMENT" | "TEST";
    dispatchStatus?: "PENDING" | "DELIVERED" | "FAILED";
    dispatchedAt?: Date;
  } = {},
) {
  const messageId = `2026${String(process.pid).padStart(8, "0")}${String(Date.now() % 10_000).padStart(4, "0")}${String(++counter).padStart(4, "0")}`;
  const { importClientId = fixture.client.id, type = "INCREMENT", ...rest } = data;
  return db.pushMessage.create({
    data: {
      messageId,
      dedupeKey: `admin-review:${messageId}`,
      enterpriseId: fixture.enterprise.id,
      importClientId,
      type,
      emsNo: type === "TEST" ? null : "E32012500001",
      body: `<?xml version="1.0" encoding="UTF-8"?><EmsPushMessage><Head><MessageId>${messageId}</MessageId></Head></EmsPushMessage>`,
      ...rest,
    },
  });
}

async function failedAttempt(options: { pushMessageId: number; importClientId: number; attemptNo: number; startedAt: Date; error: string }) {
  await db.deliveryAttempt.create({ data: { ...options, durationMs: 12, httpStatus: 503, delivered: false } });
}

describe("a push message a reviewer can inspect", () => {
  test("a message delivered after failures shows every attempt and its last error; the signature headers verify", async () => {
    const fixture = await createEnterprise(db);
    await db.importClient.update({ where: { id: fixture.client.id }, data: { endpointUrl } });
    const pushed = await message(fixture);
    failuresLeft = 2;
    expect(await deliverPushMessage({ db, pushMessageId: pushed.id, afterAttempt: 0 })).toBe("RETRY_SCHEDULED");
    expect(await deliverPushMessage({ db, pushMessageId: pushed.id, afterAttempt: 1 })).toBe("RETRY_SCHEDULED");
    expect(await deliverPushMessage({ db, pushMessageId: pushed.id, afterAttempt: 2 })).toBe("DELIVERED");
    // What the list used to show: the success cleared the message's own lastError.
    expect(await db.pushMessage.findUniqueOrThrow({ where: { id: pushed.id }, select: { lastError: true } })).toEqual({ lastError: null });

    const [row] = (await listPushMessagesForReview({ db, filters: { messageId: pushed.messageId } })).rows;
    expect(row).toMatchObject({ dispatchStatus: "DELIVERED", attemptCount: 3, failedAttempts: 2, clientPaused: false });
    expect(row.lastError).toMatch(/HTTP 503: busy/);

    const review = await loadPushMessageForReview({ db, messageId: pushed.messageId });
    expect(review).not.toBeNull();
    expect(review!.attempts.map((a) => [a.attemptNo, a.delivered, a.httpStatus])).toEqual([
      [1, false, 503],
      [2, false, 503],
      [3, true, 200],
    ]);
    expect(review!).toMatchObject({
      attemptCount: 3,
      failedAttempts: 2,
      enterprise: { customsCode: fixture.enterprise.customsCode },
      signatureOfAttempt: 3,
    });
    expect(review!.lastError).toMatch(/HTTP 503/);
    expect(review!.xml).toContain(`<MessageId>${pushed.messageId}</MessageId>`);

    const { signature } = review!;
    expect(signature.verified).toBe(true);
    const header = (name: string) => signature.headers.find((h) => h.name === name)?.value;
    expect(header("X-SW-Message-Id")).toBe(pushed.messageId);
    // The timestamp each attempt was signed with is its start.
    expect(header("X-SW-Timestamp")).toBe(String(review!.attempts[2].startedAt.getTime()));
    expect(signature.bodySm3Hex).toBe(sm3BodyHex(pushed.body));
    expect(signature.canonical).toBe(`SW-PUSH-V1\n${pushed.messageId}\n${header("X-SW-Timestamp")}\n${signature.bodySm3Hex}`);

    expect(await loadPushMessageForReview({ db, messageId: "20269999999999999999" })).toBeNull();
  });

  test("filters the list (and so its CSV export) by import client and by data messages; a client id is checked and upper-cased", async () => {
    const fixture = await createEnterprise(db);
    const other = await db.importClient.create({
      data: {
        clientId: `D${fixture.client.clientId.slice(1)}`,
        enterpriseId: fixture.enterprise.id,
        name: "备用",
        endpointUrl: "http://127.0.0.1:9/push",
      },
    });
    const mine = await message(fixture);
    const theirs = await message(fixture, { importClientId: other.id });
    const ids = async (clientId: string) =>
      (await listPushMessagesForReview({ db, filters: { customsCode: fixture.enterprise.customsCode, clientId } })).rows.map((r) => r.messageId);
    expect(await ids(fixture.client.clientId)).toEqual([mine.messageId]);
    expect(await ids(other.clientId)).toEqual([theirs.messageId]);
    // DATA: what the client health figures count, a test message left out.
    const testMessage = await message(fixture, { type: "TEST" });
    expect(await ids(fixture.client.clientId)).toEqual([testMessage.messageId, mine.messageId]);
    const data = await listPushMessagesForReview({ db, filters: { clientId: fixture.client.clientId, type: "DATA" } });
    expect(data.rows.map((r) => r.messageId)).toEqual([mine.messageId]);

    expect(parseFilters(ZPushMessageReviewFilters, { clientId: other.clientId.toLowerCase() })).toEqual({
      ok: true,
      filters: { clientId: other.clientId },
    });
    expect(parseFilters(ZPushMessageReviewFilters, { clientId: "12" }).ok).toBe(false);
    expect(parseFilters(ZClientHealthFilters, { health: "SICK" }).ok).toBe(false);
  });
});

describe("client health and the dashboard agree on who is failing now", () => {
  test("failing, paused and recovered clients; test messages counted nowhere", async () => {
    const fixture = await createEnterprise(db);
    const day = new Date("2021-03-10T04:00:00Z");
    const failingSince = new Date("2021-03-10T04:05:00Z");
    const newClient = (suffix: string, data: object) =>
      db.importClient.create({
        data: {
          clientId: `${suffix}${fixture.client.clientId.slice(1)}`,
          enterpriseId: fixture.enterprise.id,
          name: suffix,
          endpointUrl: "http://127.0.0.1:9/push",
          ...data,
        },
      });
    // Failing: one data message 下发失败 after 3 failed attempts, one test message 下发失败 that counts nowhere.
    const failing = await newClient("F", { failingSince });
    const failed = await message(fixture, { importClientId: failing.id, dispatchStatus: "FAILED", dispatchedAt: day });
    for (const n of [1, 2, 3]) {
      await failedAttempt({
        pushMessageId: failed.id,
        importClientId: failing.id,
        attemptNo: n,
        startedAt: new Date(failingSince.getTime() + n * 60_000),
        error: `HTTP 503 #${n}`,
      });
    }
    const testMessage = await message(fixture, { importClientId: failing.id, type: "TEST", dispatchStatus: "FAILED", dispatchedAt: day });
    await failedAttempt({
      pushMessageId: testMessage.id,
      importClientId: failing.id,
      attemptNo: 1,
      startedAt: new Date(failingSince.getTime() + 10 * 60_000),
      error: "test",
    });
    // Paused: its data messages wait.
    const paused = await newClient("P", {
      status: "PAUSED",
      failingSince: new Date("2021-03-11T00:00:00Z"),
      pausedAt: new Date("2021-03-12T00:00:00Z"),
      nextProbeAt: new Date("2021-03-12T00:05:00Z"),
    });
    for (let i = 0; i < 2; i++) await message(fixture, { importClientId: paused.id, dispatchStatus: "PENDING", dispatchedAt: day });
    // Recovered: an old pause and an old 下发失败 message, delivering again since.
    const recovered = await newClient("R", {
      pausedAt: new Date("2021-03-01T00:00:00Z"),
      resumedAt: new Date("2021-03-02T00:00:00Z"),
      lastDeliveredAt: new Date("2021-03-09T00:00:00Z"),
    });
    await message(fixture, { importClientId: recovered.id, dispatchStatus: "FAILED", dispatchedAt: day });

    const dashboard = await listFailingClients({ db, limit: 1_000 });
    const listed = dashboard.map((c) => c.clientId);
    expect(listed).toContain(failing.clientId);
    expect(listed).toContain(paused.clientId);
    expect(listed).not.toContain(recovered.clientId);
    expect(listed.indexOf(paused.clientId)).toBeLessThan(listed.indexOf(failing.clientId));
    expect(await countFailingClients({ db })).toBeGreaterThanOrEqual(2);

    const rowOf = async (clientId: string) => (await listClientHealth({ db, filters: { clientId } })).rows[0];
    const failingRow = await rowOf(failing.clientId);
    expect(failingRow).toMatchObject({ failingNow: true, status: "ACTIVE", pausedAt: null, failingSince, failuresSince: 3, failed: 1, pending: 0 });
    expect(failingRow.lastFailure).toMatchObject({ error: "HTTP 503 #3", httpStatus: 503 });
    expect(dashboard.find((c) => c.clientId === failing.clientId)).toEqual(failingRow);
    expect(await rowOf(paused.clientId)).toMatchObject({
      failingNow: true,
      status: "PAUSED",
      pausedAt: new Date("2021-03-12T00:00:00Z"),
      nextProbeAt: new Date("2021-03-12T00:05:00Z"),
      pending: 2,
    });
    expect(await rowOf(recovered.clientId)).toMatchObject({
      failingNow: false,
      pausedAt: null,
      failingSince: null,
      failuresSince: 0,
      lastFailure: null,
      failed: 1,
    });

    const byHealth = async (health: "FAILING" | "PAUSED" | "HEALTHY") =>
      (await listClientHealth({ db, filters: { customsCode: fixture.enterprise.customsCode, health }, pageSize: 100 })).rows
        .map((r) => r.clientId)
        .sort();
    expect(await byHealth("FAILING")).toEqual([failing.clientId, paused.clientId].sort());
    expect(await byHealth("PAUSED")).toEqual([paused.clientId]);
    expect(await byHealth("HEALTHY")).toEqual([fixture.client.clientId, recovered.clientId].sort());

    // The chart's day holds these messages only: 2 data messages 下发失败 (the test message is not one), as the
    // health figures of the two clients say.
    const [chartDay] = (await pushDailyCounts({ db, days: 1, now: day })).slice(-1);
    expect(chartDay).toMatchObject({ day: "2021-03-10", failed: 2, pending: 2, delivered: 0 });
    expect(failingRow.failed + (await rowOf(recovered.clientId)).failed).toBe(chartDay.failed);
  });

  test("pages every client without gaps or repeats", async () => {
    const fixture = await createEnterprise(db);
    for (const suffix of ["A", "B", "E"]) {
      await db.importClient.create({
        data: {
          clientId: `${suffix}${fixture.client.clientId.slice(1)}`,
          enterpriseId: fixture.enterprise.id,
          name: suffix,
          endpointUrl: "http://127.0.0.1:9/push",
        },
      });
    }
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof listClientHealth>> = await listClientHealth({
        db,
        filters: { customsCode: fixture.enterprise.customsCode },
        after,
        pageSize: 2,
      });
      seen.push(...page.rows.map((r) => r.clientId));
      after = page.nextCursor;
    } while (after);
    expect(seen).toHaveLength(4);
    expect(new Set(seen).size).toBe(4);
  });
});
