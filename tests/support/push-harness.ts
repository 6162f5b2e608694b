// A real worker (lib/jobs/worker) and the real reference import client on a random loopback port, with a
// temporary inbox and a throw-away platform key, for the push integration tests.
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sm2KeyPair } from "@/lib/crypto/sm2";
import type { Db } from "@/lib/db/client";
import { startImportClient } from "@/lib/import-client/server";
import { stopSender } from "@/lib/jobs/send";
import { startWorker } from "@/lib/jobs/worker";
import { getPlatformKeyPair } from "@/lib/signing/platform-key";
import { afterAll, beforeAll } from "vitest";

export async function startPushHarness(options: { retrySchedule?: string } = {}) {
  process.env.PLATFORM_SM2_PRIVATE_KEY ??= sm2KeyPair().privateKey;
  process.env.DELIVERY_RETRY_SCHEDULE = options.retrySchedule ?? "1,1,2";
  const inbox = mkdtempSync(path.join(tmpdir(), "sw-push-inbox-"));
  const platformPublicKey = getPlatformKeyPair().publicKey;
  let client = await startImportClient({ port: 0, inbox, platformPublicKey });
  const worker = await startWorker({ databaseUrl: process.env.DATABASE_URL! });
  return {
    inbox,
    get client() {
      return client;
    },
    /** Stops the import client (deliveries fail with connection refused) or starts it again on its port. */
    async stopClient() {
      await client.close();
    },
    async restartClient() {
      client = await startImportClient({ port: client.port, inbox, platformPublicKey });
    },
    /** Points an enterprise's import client at this harness's endpoint. */
    async routeTo(db: Db, importClientId: number) {
      await db.importClient.update({ where: { id: importClientId }, data: { endpointUrl: client.url } });
    },
    files(emsNo: string): string[] {
      try {
        return readdirSync(path.join(inbox, emsNo)).sort();
      } catch {
        return [];
      }
    },
    async stop() {
      await worker.stop(5_000);
      await client.close();
      await stopSender();
      rmSync(inbox, { recursive: true, force: true });
    },
  };
}

export type PushHarness = Awaited<ReturnType<typeof startPushHarness>>;

/**
 * The harness of a whole test file: started before its tests, stopped after them. Returned at once (hooks run
 * later), so it stands in for the harness until beforeAll has started it.
 */
export function setUpPushHarness(options: { retrySchedule?: string } = {}): PushHarness {
  let current: PushHarness | undefined;
  beforeAll(async () => {
    current = await startPushHarness(options);
  });
  afterAll(() => current?.stop());
  return new Proxy({} as PushHarness, {
    get: (_, key) => {
      if (!current) throw new Error("the push harness starts in beforeAll; use it inside tests and hooks");
      return Reflect.get(current, key);
    },
  });
}

export async function waitFor<T>(fn: () => Promise<T> | T, ok: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (ok(value) || Date.now() > end) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
