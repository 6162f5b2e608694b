// The worker as production runs it: the esbuild bundle (scripts/lib/worker-build.ts) started with plain node
// takes work, answers its health and readiness probes, and stops cleanly on SIGTERM.
import { expect, it } from "vitest";
import { freeLoopbackPort } from "@/lib/db/free-port";
import { sm2KeyPair } from "@/lib/crypto/sm2";
import { startWorkerProcess } from "../../scripts/bench/worker-process";

it("the worker bundle builds, starts with plain node, is ready and stops on SIGTERM", async () => {
  const port = await freeLoopbackPort();
  const worker = await startWorkerProcess({
    DATABASE_URL: process.env.DATABASE_URL!,
    PLATFORM_SM2_PRIVATE_KEY: sm2KeyPair().privateKey,
    WORKER_PORT: String(port),
  });
  try {
    expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(200);
    const ready = await fetch(`http://127.0.0.1:${port}/ready`);
    expect(ready.status, await ready.clone().text()).toBe(200);
  } finally {
    worker.kill("SIGTERM");
  }
  expect(await worker.exited).toEqual({ code: 0, signal: null });
});
