// `npm run bench [-- --quick]`: the five figures of issue 8 on a fresh database, with the worker as its own
// process and the reference import client in another (each one's CPU counted apart). Prints a table and writes bench-results/latest.json.
// Targets are reported, never asserted: a missed one is printed as MISSED (docs/performance.md says why).
import os from "node:os";
import { sm2KeyPair } from "@/lib/crypto/sm2";
import { db } from "@/lib/db/client";
import { stopSender } from "@/lib/jobs/send";
import { getPlatformKeyPair } from "@/lib/signing/platform-key";
import { createBenchDatabase } from "./bench/database";
import { startImportClientProbe } from "./bench/import-client-probe";
import { generateLargeData } from "./bench/large-data";
import { parseBenchOptions } from "./bench/options";
import { benchStockPushes } from "./bench/p1-stock";
import { benchIsolation } from "./bench/isolation";
import { benchDelivery } from "./bench/p2-delivery";
import { benchPullDelivery } from "./bench/p2-pull";
import { benchQueries } from "./bench/p3-queries";
import { benchExpiry } from "./bench/p4-expiry";
import { BenchResults, machineDescription, met, printTable, writeJson } from "./bench/report";
import { startWorkerProcess } from "./bench/worker-process";

async function main() {
  const bench = parseBenchOptions(process.argv.slice(2));
  const startedAt = new Date();
  const machine = machineDescription();
  console.log(
    `[bench] ${bench.quick ? "quick" : "full"} run on ${machine.cpu}, ${machine.memoryGb} GB, load average ${machine.loadAverageAtStart.join(" ")}`,
  );

  const database = await createBenchDatabase();
  process.env.DATABASE_URL = database.url;
  // A throw-away platform key: the worker signs with it, the import client verifies with its public half.
  process.env.PLATFORM_SM2_PRIVATE_KEY ??= sm2KeyPair().privateKey;
  const probe = await startImportClientProbe({ platformPublicKey: getPlatformKeyPair().publicKey });
  const worker = await startWorkerProcess({
    DATABASE_URL: database.url,
    PLATFORM_SM2_PRIVATE_KEY: process.env.PLATFORM_SM2_PRIVATE_KEY,
    ...(bench.workerNodeOptions ? { NODE_OPTIONS: bench.workerNodeOptions } : {}),
  });

  const results = new BenchResults();
  if (bench.quick) results.note("--quick: small sizes that keep the benchmark working; only a full run compares with the targets");
  try {
    if (bench.only.has("P1") || bench.only.has("P5")) await benchStockPushes({ bench, probe, worker, results });
    if (bench.only.has("P2"))
      await benchDelivery({
        bench,
        probe,
        databaseUrl: database.url,
        results,
        processes: { workerPid: worker.pid, postmasterPid: database.postmasterPid },
      });
    if (bench.only.has("P2"))
      await benchPullDelivery({ bench, platformPublicKey: getPlatformKeyPair().publicKey, postmasterPid: database.postmasterPid, results });
    if (bench.only.has("ISO")) await benchIsolation({ bench, platformPublicKey: getPlatformKeyPair().publicKey, results });
    // P3 and P4 need no worker; stopping it keeps its minutely expiry job out of their measurements.
    await worker.stop();
    if (bench.only.has("P3") || bench.only.has("P4")) {
      console.log(
        `[bench] P3/P4: generating ${bench.subscriptions} subscriptions and ${bench.pushMessages} push messages over ${bench.enterprises} enterprises…`,
      );
      const data = await generateLargeData({
        databaseUrl: database.url,
        enterprises: bench.enterprises,
        subscriptions: bench.subscriptions,
        pushMessages: bench.pushMessages,
      });
      results.detail("largeData", data);
      results.note(`large data generated in ${data.seconds.toFixed(0)} s`);
      if (bench.only.has("P3")) await benchQueries({ bench, databaseUrl: database.url, data, results });
      if (bench.only.has("P4")) await benchExpiry({ data, results, postmasterPid: database.postmasterPid });
    }
  } finally {
    await worker.stop();
    await probe.close();
    await stopSender();
    await db.$disconnect();
    await database.drop();
  }

  printTable(results.figures, results.notes);
  writeJson(bench.output, {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    mode: bench.quick ? "quick" : "full",
    machine: { ...machine, loadAverageAtEnd: os.loadavg().map((l) => Number(l.toFixed(2))) },
    database: database.server,
    options: { ...bench, only: [...bench.only] },
    figures: results.figures.map((f) => ({ ...f, met: met(f) })),
    notes: results.notes,
    details: results.details,
  });
  console.log(`\n[bench] written to ${bench.output}`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error("[bench] failed:", error);
    process.exit(1);
  },
);
