// The web app as production runs it: `next start` of the .next build (built first when missing or older than
// the sources, as tests/e2e/server.ts does), on a free loopback port. Its output is kept to explain a failure.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { freeLoopbackPort } from "@/lib/db/free-port";
import { ensureNextBuild } from "../../../scripts/lib/next-build";
import { SOCKET_PEER_PRELOAD } from "../../../scripts/lib/socket-peer-preload";
import { get, pollUntil } from "./poll";

const KEPT_OUTPUT_CHARS = 20_000;

export async function startWebProcess(env: { DATABASE_URL: string; PLATFORM_SM2_PRIVATE_KEY: string }) {
  ensureNextBuild();
  const port = await freeLoopbackPort();
  const child = spawn(process.execPath, [...SOCKET_PEER_PRELOAD, "node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    env: {
      ...process.env,
      ...env,
      NODE_ENV: "production",
      APP_MODE: "test",
      NEXT_TELEMETRY_DISABLED: "1",
      AUTH_SECRET: randomBytes(32).toString("base64url"),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-KEPT_OUTPUT_CHARS));
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  await pollUntil(
    "the web app answers /api/health",
    () => get(`${url}/api/health`),
    (r) => r.status === 200,
    120_000,
  );
  return {
    url,
    pid: child.pid!,
    /** Null while the process runs. */
    exitCode: () => child.exitCode,
    output: () => output,
    async stop(): Promise<number | null> {
      child.kill("SIGTERM");
      return exited;
    },
  };
}
