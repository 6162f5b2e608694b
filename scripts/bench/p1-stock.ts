// P1: from submitting a signed stock subscription of N materials + N products (the subscribe server action's
// own path: runSignedAction with the SUBSCRIBE definition, which stores the record and queues its dispatch in one
// transaction) to the last of its files durable in the reference import client's inbox. The card signs
// before the clock starts, as the browser does before it submits.
import { performance } from "node:perf_hooks";
import { runSignedAction } from "@/lib/actions/run-signed";
import { sm2Sign } from "@/lib/crypto/sm2";
import { db } from "@/lib/db/client";
import { MAX_ROWS_PER_PART } from "@/lib/pushes/parts";
import { signingMessage } from "@/lib/signing/canonical";
import { prepareChallenge } from "@/lib/signing/prepare-challenge";
import { subscribe } from "@/lib/subscriptions/actions/subscribe";
import { addDaysToDay, shanghaiDay } from "@/lib/time/shanghai";
import { ZSubscribeForm } from "@/lib/validations/subscription";
import { createBenchEnterprise, createBenchManual, type BenchEnterprise } from "./fixtures";
import type { ImportClientProbe } from "./import-client-probe";
import type { BenchOptions } from "./options";
import type { BenchResults } from "./report";
import type { WorkerProcess } from "./worker-process";

const MB = 2 ** 20;

/** P1, and P5: the worker's peak resident memory, read right after P1 (the worker has done nothing else). */
export async function benchStockPushes(options: { bench: BenchOptions; probe: ImportClientProbe; worker: WorkerProcess; results: BenchResults }) {
  const { bench, probe, worker, results } = options;
  const rows = bench.stockRows;
  const fixture = await createBenchEnterprise({ code: 1, endpointUrl: probe.url });
  const manual = await createBenchManual({ customsCode: fixture.enterprise.customsCode, emsNo: "E32012590001", materials: rows, products: rows });
  console.log(`[bench] P1: ${bench.stockRuns} stock subscriptions of ${rows} + ${rows} rows…`);
  const stock = await measureStockPushes({ fixture, emsNo: manual.emsNo, rows, runs: bench.stockRuns, probe });
  results.detail("P1", stock);
  results.add({
    id: "P1",
    what: `stock ${rows}+${rows} rows → last file durable (median of ${bench.stockRuns})`,
    value: stock.medianMs / 1000,
    unit: "s",
    target: { limit: 1, kind: "max" },
  });
  const peakRssBytes = worker.peakRssBytes();
  results.detail("P5", { peakRssBytes, workerNodeOptions: bench.workerNodeOptions });
  results.add({
    id: "P5",
    what: "worker peak RSS during P1 (VmHWM, startup included)",
    value: peakRssBytes / MB,
    unit: "MB",
    target: { limit: 300, kind: "max" },
  });
}

interface StockRunsResult {
  runsMs: number[];
  medianMs: number;
  partsPerRun: number;
}

async function measureStockPushes(options: {
  fixture: BenchEnterprise;
  emsNo: string;
  rows: number;
  runs: number;
  probe: ImportClientProbe;
}): Promise<StockRunsResult> {
  const { fixture, emsNo, rows, probe } = options;
  const partsPerRun = Math.ceil((2 * rows) / MAX_ROWS_PER_PART);
  const actor = {
    user: {
      id: fixture.user.id,
      accountCode: fixture.user.accountCode,
      name: fixture.user.name,
      role: "ENTERPRISE_USER" as const,
      enterpriseId: fixture.enterprise.id,
      enterpriseName: fixture.enterprise.name,
      customsCode: fixture.enterprise.customsCode,
    },
    scope: { enterpriseId: fixture.enterprise.id },
    ip: "127.0.0.1",
  };
  const payload = ZSubscribeForm.parse({
    clientId: fixture.client.clientId,
    stockEnabled: true,
    incrementalEnabled: false,
    stockEmsNo: emsNo,
    pushMaterials: true,
    pushProducts: true,
    materialFrom: "1",
    materialTo: String(rows),
    productFrom: "1",
    productTo: String(rows),
    incrementalEmsNo: "",
    validUntil: addDaysToDay(shanghaiDay(), 30),
  });

  const runsMs: number[] = [];
  for (let run = 0; run < options.runs; run++) {
    const { challengeId, content } = await prepareChallenge({ db, actor, action: "SUBSCRIBE", payload });
    const { cardNo, privateKey, publicKey } = fixture.legalCard;
    const proof = { challengeId, cardNo, signature: sm2Sign(privateKey, publicKey, signingMessage(content, challengeId, cardNo)) };
    const lastFile = probe.nextFilesDurable(emsNo, partsPerRun, 120_000);

    const start = performance.now();
    const result = await runSignedAction({ actor, definition: subscribe, request: { payload, proof } });
    if (!result.ok) throw new Error(`subscribing failed: ${result.error}`);
    runsMs.push((await lastFile) - start);
  }
  return { runsMs, medianMs: median(runsMs), partsPerRun };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
