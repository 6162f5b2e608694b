// Operations (issue 11) with real processes: the worker's readiness follows its database down and up,
// metrics need the token and report queues, and a bad configuration value stops start-up naming it.
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { freeLoopbackPort, startEmbeddedPostgres, type LocalPostgres } from "@/lib/db/embedded";
import { prepareDatabase } from "@/lib/db/prepare";
import { waitFor } from "../support/push-harness";

const METRICS_TOKEN = "metrics-token-for-tests";

function runWorker(env: Record<string, string>) {
  const child = spawn(process.execPath, ["--import", "tsx", path.join("scripts", "worker.ts")], {
    env: { ...process.env, LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  return { child, exited, output: () => output };
}

const get = (url: string, headers: Record<string, string> = {}) =>
  fetch(url, { headers, signal: AbortSignal.timeout(10_000) })
    .then(async (r) => ({ status: r.status, text: await r.text() }))
    .catch(() => ({ status: 0, text: "" }));

describe("worker operations endpoints", () => {
  let dir: string;
  let pg: LocalPostgres;
  let pgPort: number;
  let workerPort: number;
  let worker: ReturnType<typeof runWorker>;

  beforeAll(async () => {
    // Under .data like the run's own cluster: PostgreSQL runs as its own user and must reach the directory.
    dir = path.join(process.cwd(), ".data", `ops-pg-${process.pid}`);
    pgPort = await freeLoopbackPort();
    pg = await startEmbeddedPostgres(path.join(dir, "data"), { port: pgPort });
    const url = pg.urlFor("sw_ops");
    await prepareDatabase(url);
    workerPort = await freeLoopbackPort();
    worker = runWorker({ DATABASE_URL: url, WORKER_PORT: String(workerPort), METRICS_TOKEN });
    const health = await waitFor(
      () => get(`http://127.0.0.1:${workerPort}/health`),
      (r) => r.status === 200,
      60_000,
    );
    expect(health.status).toBe(200);
  }, 120_000);

  afterAll(async () => {
    worker?.child.kill("SIGTERM");
    await worker?.exited;
    await pg?.stop().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  });

  test("metrics need the token and report every queue", async () => {
    expect((await get(`http://127.0.0.1:${workerPort}/metrics`)).status).toBe(401);
    expect((await get(`http://127.0.0.1:${workerPort}/metrics`, { authorization: "Bearer wrong-token-of-same-size" })).status).toBe(401);
    const metrics = await get(`http://127.0.0.1:${workerPort}/metrics`, { authorization: `Bearer ${METRICS_TOKEN}` });
    expect(metrics.status).toBe(200);
    expect(metrics.text).toMatch(/sw_queue_depth\{queue="delivery"\} \d+/);
    expect(metrics.text).toContain("sw_paused_import_clients 0");
  });

  test("readiness fails while the database is down and recovers when it is back", async () => {
    const ready = () => get(`http://127.0.0.1:${workerPort}/ready`);
    expect((await ready()).status).toBe(200);
    await pg.stop();
    const down = await waitFor(ready, (r) => r.status === 503, 30_000);
    expect(down.status).toBe(503);
    expect(JSON.parse(down.text).checks.database).toMatch(/^failed/);
    expect((await get(`http://127.0.0.1:${workerPort}/health`)).status).toBe(200);
    pg = await startEmbeddedPostgres(path.join(dir, "data"), { port: pgPort });
    const up = await waitFor(ready, (r) => r.status === 200, 60_000);
    expect(JSON.parse(up.text)).toMatchObject({ ready: true, checks: { database: "ok", migrations: "ok", queues: "ok", jobs: "ok" } });
  }, 180_000);
});

test("a bad configuration value stops start-up and names the variable", async () => {
  const worker = runWorker({ DATABASE_URL: "postgresql://127.0.0.1:1/none", WORKER_PORT: "http" });
  expect(await worker.exited).toBe(78);
  expect(worker.output()).toContain("WORKER_PORT");
});

describe("push metrics", () => {
  test("a delivery moves the delivered counter and the latency histogram", async () => {
    const { db } = await import("@/lib/db/client");
    const { metrics } = await import("@/lib/metrics/registry");
    const { dispatchStockSubscription } = await import("@/lib/pushes/dispatch-stock");
    const { startPushHarness } = await import("../support/push-harness");
    const { createEnterprise, createManual, createStockSubscription } = await import("../support/factories");
    const value = async (name: string, labels: Record<string, string> = {}, series = name) =>
      (await metrics.registry.getSingleMetric(name)!.get()).values
        .filter((v) => ((v as { metricName?: string }).metricName ?? name) === series && Object.entries(labels).every(([k, l]) => v.labels[k] === l))
        .reduce((sum, v) => sum + v.value, 0);
    // Jobs earlier test files left queued would also be counted by this process's worker: drop them first.
    await db.$executeRawUnsafe(`DELETE FROM pgboss.job WHERE state IN ('created', 'retry')`);
    const harness = await startPushHarness();
    try {
      const fixture = await createEnterprise(db);
      await harness.routeTo(db, fixture.client.id);
      const manual = await createManual(db, { processingUnitCode: fixture.enterprise.customsCode, materials: 3 });
      const subscription = await createStockSubscription(db, fixture, manual, { materials: { from: 1, to: 3 } });
      const before = {
        built: await value("sw_messages_built_total", { type: "STOCK" }),
        delivered: await value("sw_messages_delivered_total", { type: "STOCK" }),
      };
      await dispatchStockSubscription({ db, subscriptionId: subscription.id });
      await waitFor(
        () => db.pushMessage.count({ where: { subscriptionId: subscription.id, dispatchStatus: "DELIVERED" } }),
        (n) => n === 1,
      );
      expect(await value("sw_messages_built_total", { type: "STOCK" })).toBe(before.built + 1);
      expect(await value("sw_messages_delivered_total", { type: "STOCK" })).toBe(before.delivered + 1);
      expect(await value("sw_delivery_latency_seconds", {}, "sw_delivery_latency_seconds_count")).toBeGreaterThan(0);
    } finally {
      await harness.stop();
    }
  });
});
