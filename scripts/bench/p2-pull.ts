// P2 in pull mode (issue 20), beside push in the same run: N INCREMENT messages of a 拉取 client taken end to end by
// the standalone reference import client as its own process — long-polled over the signed pull API, verified,
// stored durably and acknowledged — from before the transaction that stores them to the last 下发成功. The pull
// routes run in this process (pull-portal.ts), so the platform's side of pull is counted as the bench's CPU.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { db } from "@/lib/db/client";
import { storePushMessages } from "@/lib/pushes/store-messages";
import { ownCpuMs, processCpuMs, processTreeCpuMs, startCpuCount } from "./cpu";
import { createBenchEnterprise } from "./fixtures";
import { buildIncrementMessages, waitUntil } from "./p2-delivery";
import type { BenchOptions } from "./options";
import { pullArgs, startClientProcess } from "./pull-client-process";
import { startPullPortal } from "./pull-portal";
import type { BenchResults } from "./report";

export async function benchPullDelivery(options: {
  bench: BenchOptions;
  platformPublicKey: string;
  postmasterPid: number | null;
  results: BenchResults;
}) {
  const { bench, results } = options;
  const count = bench.messages;
  console.log(`[bench] P2 pull: ${count} INCREMENT messages pulled, verified, stored and acknowledged…`);
  const fixture = await createBenchEnterprise({ code: 3, endpointUrl: "http://127.0.0.1:9/push" });
  await db.importClient.update({ where: { id: fixture.client.id }, data: { deliveryMode: "PULL" } });
  const messages = await buildIncrementMessages(fixture, count, "E32012590003");
  const portal = await startPullPortal();
  const inbox = mkdtempSync(path.join(tmpdir(), "sw-bench-pull-inbox-"));
  const client = await startClientProcess(
    pullArgs({
      portalUrl: portal.url,
      clientId: fixture.client.clientId,
      privateKey: fixture.legalCard.privateKey,
      inbox,
      platformPublicKey: options.platformPublicKey,
      leaseSeconds: 120,
    }),
  );
  try {
    const countCpu = startCpuCount({
      client: () => processCpuMs(client.child.pid!),
      postgres: () => (options.postmasterPid === null ? 0 : processTreeCpuMs(options.postmasterPid)),
      portal: ownCpuMs,
    });
    const start = performance.now();
    await db.$transaction((tx) => storePushMessages({ tx, messages }), { timeout: 600_000 });
    await waitUntil(async () => (await db.pushMessage.count({ where: { importClientId: fixture.client.id, dispatchStatus: "DELIVERED" } })) >= count);
    const seconds = (performance.now() - start) / 1000;
    const cpu = countCpu();
    const perMessage = (ms: number) => ms / count;
    results.detail("P2pull", {
      messages: count,
      seconds,
      cpuMsPerMessage: { client: perMessage(cpu.client), postgres: perMessage(cpu.postgres), portal: perMessage(cpu.portal) },
    });
    results.add({
      id: "P2",
      what: `pull mode: ${count} INCREMENT messages pulled, verified, stored and acked`,
      value: count / seconds,
      unit: "msg/s",
    });
    results.add({ id: "P2", what: "… pull: CPU per message, import client", value: perMessage(cpu.client), unit: "ms CPU" });
    results.add({
      id: "P2",
      what: "… pull: CPU per message, portal (pull routes, storing the messages)",
      value: perMessage(cpu.portal),
      unit: "ms CPU",
    });
  } finally {
    client.child.kill("SIGTERM");
    await client.exited;
    await portal.close();
    rmSync(inbox, { recursive: true, force: true });
  }
}
