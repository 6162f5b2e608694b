// The benchmark's database: a fresh database on DATABASE_URL's server, or else a throw-away embedded cluster
// (deleted afterwards), migrated and with the job queues installed, as `npm start` prepares one.
import { readFileSync } from "node:fs";
import path from "node:path";
import { dropDatabase } from "@/lib/db/admin";
import { startEmbeddedPostgres, type LocalPostgres } from "@/lib/db/embedded";
import { prepareDatabase } from "@/lib/db/prepare";

/**
 * Settings of the embedded cluster: what one would give a dedicated server with a few GB of RAM. The
 * defaults (128 MB shared_buffers, 1 GB max_wal_size) checkpoint every few seconds while 10 million rows load.
 */
const EMBEDDED_SERVER_SETTINGS = {
  shared_buffers: "1GB",
  effective_cache_size: "4GB",
  work_mem: "32MB",
  maintenance_work_mem: "1GB",
  max_wal_size: "8GB",
  checkpoint_timeout: "15min",
  random_page_cost: "1.1",
  wal_buffers: "64MB",
};

interface BenchDatabase {
  url: string;
  /** "embedded PostgreSQL 18 (throw-away cluster)" or the server of DATABASE_URL, without credentials. */
  server: string;
  /** The embedded cluster's postmaster (its backends are its children), for CPU counting; null on DATABASE_URL's server. */
  postmasterPid: number | null;
  drop(): Promise<void>;
}

export async function createBenchDatabase(): Promise<BenchDatabase> {
  const name = `sw_bench_${process.pid}_${Date.now()}`;
  let local: LocalPostgres | undefined;
  let url: string;
  let server: string;
  let postmasterPid: number | null = null;
  if (process.env.DATABASE_URL) {
    const base = new URL(process.env.DATABASE_URL);
    base.pathname = `/${name}`;
    url = base.toString();
    server = `${base.hostname}:${base.port || 5432}`;
  } else {
    const dataDir = path.join(process.cwd(), ".data", `bench-pg-${process.pid}`);
    local = await startEmbeddedPostgres(dataDir, { persistent: false, settings: EMBEDDED_SERVER_SETTINGS });
    // postmaster.pid's first line is the postmaster's pid.
    postmasterPid = Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
    url = local.urlFor(name);
    server = "embedded PostgreSQL (throw-away cluster)";
  }
  await prepareDatabase(url);
  return {
    url,
    server,
    postmasterPid,
    drop: async () => {
      await dropDatabase(url).catch((error) => console.error("[bench] dropping the database failed:", error));
      await local?.stop();
    },
  };
}
