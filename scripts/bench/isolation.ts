// ISO: per-client isolation of delivery (issue 19). N INCREMENT messages round-robin over 20 loopback import
// clients, each its own reference client, in three runs: all healthy; one client answering after 14 s; one
// never answering (the POST's 15 s timeout ends it). The figure is the healthy clients' throughput with the bad
// client as a share of their throughput in the all-healthy runs, one before and one after the bad ones (their
// mean, as the load of the machine drifts): the clock starts before the messages are stored and stops when every
// healthy client's message is 下发成功.
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { db } from "@/lib/db/client";
import { startImportClient } from "@/lib/import-client/server";
import { loadManualHead, loadManualRows } from "@/lib/manuals/records";
import { nextMessageIds } from "@/lib/pushes/message-id";
import { storePushMessages, type NewPushMessage } from "@/lib/pushes/store-messages";
import { buildIncrementMessage } from "@/lib/pushes/increment-message";
import { createBenchEnterprise, createBenchManual } from "./fixtures";
import type { BenchOptions } from "./options";
import type { BenchResults } from "./report";

const CLIENTS = 20;
const SLOW_ANSWER_MS = 14_000;
// Enterprise codes and manual numbers of this scenario's fixtures, apart from P1/P2's.
const FIRST_CODE = 1_000;

type Scenario = "healthy" | "slow" | "silent";

interface ScenarioResult {
  scenario: Scenario;
  healthyMessages: number;
  seconds: number;
  healthyMessagesPerSecond: number;
  /** Healthy messages, from the commit that stored them to 下发成功. */
  p50Seconds: number;
  p95Seconds: number;
}

export async function benchIsolation(options: { bench: BenchOptions; platformPublicKey: string; results: BenchResults }) {
  const { bench, results } = options;
  const count = bench.isolationMessages;
  console.log(
    `[bench] ISO: ${count} INCREMENT messages over ${CLIENTS} import clients: all healthy, one slow (${SLOW_ANSWER_MS / 1000} s), one silent…`,
  );
  const inbox = mkdtempSync(path.join(tmpdir(), "sw-bench-iso-"));
  const clients = await Promise.all(
    Array.from({ length: CLIENTS }, (_, i) =>
      startImportClient({ port: 0, inbox: path.join(inbox, String(i)), platformPublicKey: options.platformPublicKey }),
    ),
  );
  try {
    const healthyUrls = clients.map((c) => c.url);
    // Not measured: the first messages of a fresh worker and fresh clients pay for warming up.
    await runScenario({ scenario: "healthy", count: 5 * CLIENTS, healthyUrls, firstCode: FIRST_CODE });
    const runs: ScenarioResult[] = [];
    for (const [index, scenario] of (["healthy", "slow", "silent", "healthy"] as const).entries()) {
      runs.push(await runScenario({ scenario, count, healthyUrls, firstCode: FIRST_CODE + (index + 1) * CLIENTS }));
    }
    const [before, slow, silent, after] = runs;
    const healthyRate = (before.healthyMessagesPerSecond + after.healthyMessagesPerSecond) / 2;
    const share = (run: ScenarioResult) => (100 * run.healthyMessagesPerSecond) / healthyRate;
    results.detail("ISO", runs);
    results.add({
      id: "ISO",
      what: `healthy clients' delivery with one of ${CLIENTS} answering after 14 s, share of all healthy`,
      value: share(slow),
      unit: "%",
      target: { limit: 80, kind: "min" },
    });
    results.add({ id: "ISO", what: `… with one of ${CLIENTS} never answering`, value: share(silent), unit: "%", target: { limit: 80, kind: "min" } });
    if (bench.quick)
      results.note(
        "ISO --quick: a bad client's first batches wait out DELIVERY_BATCH_WAIT_MS (2 s) once, about as long as a whole quick run takes, so its share says little",
      );
    results.note(
      `ISO healthy clients' msg/s (p50 / p95 stored → delivered): ${runs.map((r) => `${r.scenario} ${Math.round(r.healthyMessagesPerSecond)} (${r.p50Seconds.toFixed(1)} / ${r.p95Seconds.toFixed(1)} s)`).join(", ")}`,
    );
  } finally {
    await Promise.all(clients.map((c) => c.close()));
    rmSync(inbox, { recursive: true, force: true });
  }
}

async function runScenario(options: { scenario: Scenario; count: number; healthyUrls: string[]; firstCode: number }): Promise<ScenarioResult> {
  const { scenario, count } = options;
  const bad = scenario === "healthy" ? null : await startBadClient(scenario === "slow" ? SLOW_ANSWER_MS : null);
  const fixtures = await Promise.all(
    options.healthyUrls.map((url, i) => createBenchEnterprise({ code: options.firstCode + i, endpointUrl: i === 0 && bad ? bad.url : url })),
  );
  const healthyIds = (bad ? fixtures.slice(1) : fixtures).map((f) => f.client.id);
  const messages = await roundRobinMessages(fixtures, count);
  const healthyCount = messages.filter((m) => healthyIds.includes(m.importClientId)).length;
  try {
    const start = performance.now();
    await db.$transaction((tx) => storePushMessages({ tx, messages }), { timeout: 600_000 });
    const storedAt = new Date();
    for (;;) {
      const [{ delivered }] = await db.$queryRaw<{ delivered: bigint }[]>`
        SELECT count(*) AS delivered FROM "PushMessage" WHERE "importClientId" = ANY(${healthyIds}::int[]) AND "dispatchStatus" = 'DELIVERED'`;
      if (Number(delivered) >= healthyCount) break;
      if (performance.now() - start > 600_000)
        throw new Error(`ISO ${scenario}: only ${delivered} of ${healthyCount} healthy messages delivered in 600 s`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const seconds = (performance.now() - start) / 1000;
    const [latency] = await db.$queryRaw<{ p50: number; p95: number }[]>`
      SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM "deliveredAt" - ${storedAt}::timestamptz)) AS p50,
             percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM "deliveredAt" - ${storedAt}::timestamptz)) AS p95
      FROM "PushMessage" WHERE "importClientId" = ANY(${healthyIds}::int[])`;
    return {
      scenario,
      healthyMessages: healthyCount,
      seconds,
      healthyMessagesPerSecond: healthyCount / seconds,
      p50Seconds: Number(latency.p50),
      p95Seconds: Number(latency.p95),
    };
  } finally {
    if (bad) {
      // Its messages wait as 待下发 from now on, so that they do not run into the next scenario's.
      await db.importClient.update({ where: { id: fixtures[0].client.id }, data: { status: "PAUSED" } });
      await bad.close();
    }
  }
}

/** One one-row INCREMENT message after another for each client in turn, as a change approved for all of them. */
async function roundRobinMessages(fixtures: Awaited<ReturnType<typeof createBenchEnterprise>>[], count: number): Promise<NewPushMessage[]> {
  const perClient = await Promise.all(
    fixtures.map(async (fixture, i) => {
      const manual = await createBenchManual({
        customsCode: fixture.enterprise.customsCode,
        emsNo: `E${fixture.enterprise.customsCode}9`,
        materials: 1,
        products: 0,
      });
      const subscription = await db.subscription.create({
        data: {
          enterpriseId: fixture.enterprise.id,
          importClientId: fixture.client.id,
          signingCardId: fixture.legalCard.id,
          enteredBy: fixture.user.accountCode,
          validUntil: new Date(Date.now() + 30 * 86_400_000),
          incrementalManualId: manual.id,
          incrementalEmsNo: manual.emsNo,
          signedPayload: "{}",
          signature: "00",
        },
      });
      const manualHead = await loadManualHead({ db, manualId: manual.id });
      const [row] = await loadManualRows({ db, manualId: manual.id, table: "materials" });
      return { manual, subscription, manualHead, row, count: Math.floor(count / fixtures.length) + (i < count % fixtures.length ? 1 : 0) };
    }),
  );
  const now = new Date();
  const messageIds = await nextMessageIds({ db, count, at: now });
  const messages: NewPushMessage[] = [];
  for (let round = 0; messages.length < count; round++) {
    for (const { manual, subscription, manualHead, row, count: own } of perClient) {
      if (round >= own) continue;
      const messageId = messageIds[messages.length];
      messages.push(
        buildIncrementMessage({
          messageId,
          dedupeKey: `bench-iso:${messageId}`,
          subscription,
          emsNo: manual.emsNo,
          chgTmsCnt: round + 1,
          partNo: 1,
          partCount: 1,
          manualHead: { ...manualHead, chgTmsCnt: round + 1 },
          part: { materials: [{ ...row, modfMarkcd: "1" }], products: [] },
          createdAt: now,
        }),
      );
    }
  }
  return messages;
}

/** A loopback client that answers 200 after `answerAfterMs`, or (null) holds every request until it is closed. */
async function startBadClient(answerAfterMs: number | null) {
  const timers = new Set<NodeJS.Timeout>();
  const server = createServer((request, response: ServerResponse) => {
    request.resume();
    if (answerAfterMs === null) return;
    const timer = setTimeout(() => {
      timers.delete(timer);
      response.end("ok");
    }, answerAfterMs);
    timers.add(timer);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/push`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
