// Drill (issue 20): a burst pulled by the standalone reference import client in pull mode (no port, plain node),
// killed -9 three times in the middle of it and restarted at once. What it had pulled but not acknowledged is
// offered again after its lease, recorded as a lease expiry in the attempt timeline; what it had stored is
// answered from its ledger without writing again. In the end: every message 下发成功, one file each, each stored once.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { sm2KeyPair } from "@/lib/crypto/sm2";
import { db } from "@/lib/db/client";
import { prepareDatabase } from "@/lib/db/prepare";
import { stopSender } from "@/lib/jobs/send";
import { createBenchEnterprise, type BenchEnterprise } from "../../scripts/bench/fixtures";
import { pullArgs, startClientProcess, type ClientProcess } from "../../scripts/bench/pull-client-process";
import { startPullPortal } from "../../scripts/bench/pull-portal";
import { storeBurst } from "./support/burst";
import { DRILL, DRILL_TIMEOUT_MS } from "./support/drill-size";
import { deliveredCount, readOutcome } from "./support/outcome";
import { pollUntil } from "./support/poll";
import { startPostgresProcess, type PostgresProcess } from "./support/postgres-process";

const KILLS = 3;
const LEASE_SECONDS = 5;

let postgres: PostgresProcess;
let portal: Awaited<ReturnType<typeof startPullPortal>>;
let fixture: BenchEnterprise;
const inbox = mkdtempSync(path.join(tmpdir(), "sw-drill-pull-inbox-"));
const platformKey = sm2KeyPair();

beforeAll(async () => {
  postgres = await startPostgresProcess("pull-kill");
  const databaseUrl = postgres.urlFor("sw_drill");
  await prepareDatabase(databaseUrl);
  process.env.DATABASE_URL = databaseUrl;
  process.env.PLATFORM_SM2_PRIVATE_KEY = platformKey.privateKey;
  fixture = await createBenchEnterprise({ code: 1, endpointUrl: "http://127.0.0.1:9/push" });
  await db.importClient.update({ where: { id: fixture.client.id }, data: { deliveryMode: "PULL" } });
  portal = await startPullPortal();
}, 180_000);

afterAll(async () => {
  await portal?.close();
  await stopSender();
  await db.$disconnect();
  await postgres?.close();
  rmSync(inbox, { recursive: true, force: true });
});

test(
  `${DRILL.messages} messages pulled by a client killed -9 ${KILLS} times: none lost, none stored twice, lease expiries on record`,
  async () => {
    const args = pullArgs({
      portalUrl: portal.url,
      clientId: fixture.client.clientId,
      privateKey: fixture.legalCard.privateKey,
      inbox,
      platformPublicKey: platformKey.publicKey,
      leaseSeconds: LEASE_SECONDS,
    });
    const runs: ClientProcess[] = [await startClientProcess(args)];
    const burst = await storeBurst({ fixture, count: DRILL.messages });
    const started = Date.now();
    const kills: Array<{ delivered: number; leased: number }> = [];
    for (let kill = 1; kill <= KILLS; kill++) {
      await pollUntil(
        `${kill} quarter(s) delivered`,
        () => deliveredCount(fixture.client.id),
        (n) => n >= (burst.count * kill) / (KILLS + 1),
        DRILL_TIMEOUT_MS,
        20,
      );
      const current = runs[runs.length - 1];
      current.child.kill("SIGKILL");
      expect((await current.exited).signal).toBe("SIGKILL");
      const leased = await db.pushMessage.count({
        where: { importClientId: fixture.client.id, dispatchStatus: "PENDING", leasedUntil: { not: null } },
      });
      kills.push({ delivered: await deliveredCount(fixture.client.id), leased });
      runs.push(await startClientProcess(args));
    }
    await pollUntil(
      "all delivered",
      () => deliveredCount(fixture.client.id),
      (n) => n >= burst.count,
      DRILL.recoverySeconds * 1000,
    );
    const seconds = (Date.now() - started) / 1000;
    const last = runs[runs.length - 1];
    last.child.kill("SIGTERM");
    expect((await last.exited).code).toBe(0);

    const outcome = await readOutcome({ importClientId: fixture.client.id, emsNo: burst.emsNo, inbox });
    const kinds = Object.fromEntries(
      (await db.deliveryAttempt.groupBy({ by: ["kind"], where: { importClientId: fixture.client.id }, _count: true })).map((k) => [k.kind, k._count]),
    );
    const storedLines = runs.map((run) => run.output().match(/\] stored /g)?.length ?? 0).reduce((a, b) => a + b, 0);
    console.log(`[drill] pull-client-kill ${JSON.stringify({ mode: DRILL.mode, kills, seconds, kinds, storedLines, ...outcome })}`);

    expect(outcome).toMatchObject({
      messages: burst.count,
      delivered: burst.count,
      pending: 0,
      failed: 0,
      deliveredAttempts: burst.count,
      inconsistentMessages: 0,
      files: burst.count,
      filesElsewhere: 0,
      missingFiles: 0,
      strayFiles: 0,
      wrongSizeFiles: 0,
    });
    // Each file written once: what a killed run had stored was answered from the ledger when offered again.
    expect(storedLines).toBe(burst.count);
    expect(kinds.ACK).toBe(burst.count);
    expect(kinds.LEASE_EXPIRY).toBeGreaterThan(0);
    expect(kinds.PULL).toBe(burst.count + kinds.LEASE_EXPIRY);
  },
  DRILL_TIMEOUT_MS,
);
