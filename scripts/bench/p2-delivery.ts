// P2: sustained delivery of N INCREMENT messages (worker → signed HTTP POST → reference import client →
// attempt and status recorded), and, on the same database in the same run, raw pg-boss throughput of N empty
// jobs worked with the delivery queue's own options. Both clocks start before the jobs are sent (for the
// messages: before the transaction that stores them with their delivery jobs) and stop when the database
// says all are done, so the ratio compares like with like.
import { performance } from "node:perf_hooks";
import { db } from "@/lib/db/client";
import { createBoss, JOB_SCHEMA } from "@/lib/jobs/boss";
import { deliveryJob } from "@/lib/jobs/definitions/delivery";
import { workOptionsOf } from "@/lib/jobs/worker";
import { loadManualHead, loadManualRows } from "@/lib/manuals/records";
import { nextMessageIds } from "@/lib/pushes/message-id";
import { storePushMessages, type NewPushMessage } from "@/lib/pushes/store-messages";
import { buildIncrementMessage } from "@/lib/pushes/increment-message";
import { opensslSm2SignMs, ownCpuMs, processCpuMs, processTreeCpuMs, startCpuCount } from "./cpu";
import { createBenchEnterprise, createBenchManual, type BenchEnterprise } from "./fixtures";
import type { ImportClientProbe } from "./import-client-probe";
import type { BenchOptions } from "./options";
import type { BenchResults } from "./report";

const EMPTY_QUEUE = "bench-empty";

interface DeliveryResult {
  messages: number;
  seconds: number;
  messagesPerSecond: number;
  /** From the commit of the stored messages to the last status recorded. */
  drainMessagesPerSecond: number;
  storeSeconds: number;
  raw: { jobs: number; seconds: number; jobsPerSecond: number; cpuMsPerJob: { node: number; postgres: number | null } };
  shareOfRawPercent: number;
  /** CPU ms per delivered message of each process, storing the messages included; postgres null on an external server. */
  cpuMsPerMessage: { worker: number; client: number; postgres: number | null; bench: number };
}

/** The processes whose CPU is counted: the worker, the import client and the embedded cluster's postmaster. */
export interface CountedProcesses {
  workerPid: number;
  postmasterPid: number | null;
}

export async function benchDelivery(options: {
  bench: BenchOptions;
  probe: ImportClientProbe;
  databaseUrl: string;
  results: BenchResults;
  processes: CountedProcesses;
}) {
  const { bench, results } = options;
  const fixture = await createBenchEnterprise({ code: 2, endpointUrl: options.probe.url });
  console.log(`[bench] P2: ${bench.messages} INCREMENT messages end to end, then as many empty pg-boss jobs…`);
  const delivery = await measureDelivery({
    fixture,
    count: bench.messages,
    databaseUrl: options.databaseUrl,
    processes: { ...options.processes, clientPid: options.probe.pid },
  });
  results.detail("P2", delivery);
  results.add({
    id: "P2",
    what: `end-to-end delivery of ${bench.messages} signed INCREMENT messages`,
    value: delivery.messagesPerSecond,
    unit: "msg/s",
    target: { limit: 1_000, kind: "min" },
  });
  results.add({
    id: "P2",
    what: "… as a share of raw pg-boss send+work of empty jobs",
    value: delivery.shareOfRawPercent,
    unit: "%",
    target: { limit: 50, kind: "min" },
  });
  results.note(`P2 raw pg-boss: ${Math.round(delivery.raw.jobsPerSecond)} empty jobs/s with the delivery queue's work options`);
  reportCpu({ delivery, results, verifyThreads: options.probe.verifyThreads });
}

function reportCpu(options: { delivery: DeliveryResult; results: BenchResults; verifyThreads: number }) {
  const { results } = options;
  const { cpuMsPerMessage: cpu, raw } = options.delivery;
  const add = (what: string, value: number, target?: number) =>
    results.add({ id: "P2", what, value, unit: "ms CPU", ...(target === undefined ? {} : { target: { limit: target, kind: "max" } }) });
  add("CPU per delivered message: worker", cpu.worker);
  add(`… import client (${options.verifyThreads} verify threads)`, cpu.client);
  if (cpu.postgres !== null) {
    add("… PostgreSQL (postmaster and backends)", cpu.postgres);
    add("… platform: worker + PostgreSQL", cpu.worker + cpu.postgres, 1.0);
    add("CPU per raw pg-boss job (pg-boss in Node + PostgreSQL)", raw.cpuMsPerJob.node + raw.cpuMsPerJob.postgres!);
  } else {
    results.note("P2 PostgreSQL CPU: not counted on DATABASE_URL's server (only the embedded cluster's processes are visible)");
  }
  results.note(
    `P2 CPU: the benchmark process itself (stores the messages, polls) ${cpu.bench.toFixed(2)} ms per message; raw pg-boss job: Node ${raw.cpuMsPerJob.node.toFixed(3)} ms, PostgreSQL ${raw.cpuMsPerJob.postgres?.toFixed(3) ?? "not counted"} ms`,
  );
  const opensslMs = opensslSm2SignMs();
  if (opensslMs === null) results.note("openssl speed sm2: not available (no openssl, or one without SM2)");
  else add("one SM2 signature, openssl speed sm2", opensslMs);
}

async function measureDelivery(options: {
  fixture: BenchEnterprise;
  count: number;
  databaseUrl: string;
  processes: CountedProcesses & { clientPid: number };
}): Promise<DeliveryResult> {
  const { fixture, count, processes } = options;
  const messages = await buildIncrementMessages(fixture, count);

  const { postmasterPid } = processes;
  const countCpu = startCpuCount({
    worker: () => processCpuMs(processes.workerPid),
    client: () => processCpuMs(processes.clientPid),
    postgres: () => (postmasterPid === null ? 0 : processTreeCpuMs(postmasterPid)),
    bench: ownCpuMs,
  });
  const start = performance.now();
  await db.$transaction((tx) => storePushMessages({ tx, messages }), { timeout: 600_000 });
  const stored = performance.now();
  await waitUntil(async () => {
    const [{ delivered }] = await db.$queryRaw<{ delivered: bigint }[]>`
      SELECT count(*) AS delivered FROM "PushMessage" WHERE "importClientId" = ${fixture.client.id} AND "dispatchStatus" = 'DELIVERED'`;
    return Number(delivered) >= count;
  });
  const end = performance.now();
  const cpu = countCpu();

  const raw = await measureRawPgBoss(options.databaseUrl, count, postmasterPid);
  const messagesPerSecond = count / ((end - start) / 1000);
  return {
    messages: count,
    seconds: (end - start) / 1000,
    messagesPerSecond,
    drainMessagesPerSecond: count / ((end - stored) / 1000),
    storeSeconds: (stored - start) / 1000,
    raw,
    shareOfRawPercent: (100 * messagesPerSecond) / raw.jobsPerSecond,
    cpuMsPerMessage: {
      worker: cpu.worker / count,
      client: cpu.client / count,
      postgres: postmasterPid === null ? null : cpu.postgres / count,
      bench: cpu.bench / count,
    },
  };
}

/** N one-row INCREMENT messages of one incremental subscription, built as dispatch-change builds them. */
export async function buildIncrementMessages(fixture: BenchEnterprise, count: number, emsNo = "E32012590002"): Promise<NewPushMessage[]> {
  const manual = await createBenchManual({ customsCode: fixture.enterprise.customsCode, emsNo, materials: 1, products: 0 });
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
  const now = new Date();
  const messageIds = await nextMessageIds({ db, count, at: now });
  return messageIds.map((messageId, index) =>
    buildIncrementMessage({
      messageId,
      dedupeKey: `bench:${messageId}`,
      subscription,
      emsNo: manual.emsNo,
      chgTmsCnt: index + 1,
      partNo: 1,
      partCount: 1,
      manualHead: { ...manualHead, chgTmsCnt: index + 1 },
      part: { materials: [{ ...row, modfMarkcd: "1" }], products: [] },
      createdAt: now,
    }),
  );
}

/** pg-boss alone: N empty jobs sent in one insert and worked by a no-op handler with the delivery queue's options
 * (in this process, whose CPU is then pg-boss's and the polling's). */
async function measureRawPgBoss(databaseUrl: string, count: number, postmasterPid: number | null) {
  const boss = createBoss(databaseUrl, "worker");
  await boss.start();
  try {
    await boss.createQueue(EMPTY_QUEUE, deliveryJob.queue);
    await boss.work(EMPTY_QUEUE, workOptionsOf(deliveryJob), async () => undefined);
    const countCpu = startCpuCount({ node: ownCpuMs, postgres: () => (postmasterPid === null ? 0 : processTreeCpuMs(postmasterPid)) });
    const start = performance.now();
    await boss.insert(
      EMPTY_QUEUE,
      Array.from({ length: count }, () => ({ data: {} })),
    );
    await waitUntil(async () => {
      const [{ completed }] = await db.$queryRawUnsafe<{ completed: bigint }[]>(
        `SELECT count(*) AS completed FROM ${JOB_SCHEMA}.job WHERE name = $1 AND state = 'completed'`,
        EMPTY_QUEUE,
      );
      return Number(completed) >= count;
    });
    const seconds = (performance.now() - start) / 1000;
    const cpu = countCpu();
    const cpuMsPerJob = { node: cpu.node / count, postgres: postmasterPid === null ? null : cpu.postgres / count };
    return { jobs: count, seconds, jobsPerSecond: count / seconds, cpuMsPerJob };
  } finally {
    await boss.stop({ graceful: false });
  }
}

export async function waitUntil(done: () => Promise<boolean>, timeoutMs = 600_000) {
  const end = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > end) throw new Error(`not done within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
