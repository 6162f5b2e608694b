// One throw-away database per test run, on DATABASE_URL's server when set, else on an embedded PostgreSQL.
import path from "node:path";
import type { TestProject } from "vitest/node";
import { dropDatabase } from "@/lib/db/admin";
import type { LocalPostgres } from "@/lib/db/embedded";
import { prepareDatabase } from "@/lib/db/prepare";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  let local: LocalPostgres | undefined;
  const name = `sw_test_${process.pid}_${Date.now()}`;
  let url: string;
  if (process.env.DATABASE_URL) {
    const base = new URL(process.env.DATABASE_URL);
    base.pathname = `/${name}`;
    url = base.toString();
  } else {
    // A throw-away cluster of its own, so test runs go on beside `npm start` and beside each other. Loaded
    // only here: `npm test` brings its own server (scripts/with-test-postgres.ts), see there why.
    const { startEmbeddedPostgres } = await import("@/lib/db/embedded");
    local = await startEmbeddedPostgres(path.join(process.cwd(), ".data", `test-pg-${process.pid}`), { persistent: false });
    url = local.urlFor(name);
  }
  await prepareDatabase(url);
  project.provide("databaseUrl", url);
  return async () => {
    await dropDatabase(url);
    await local?.stop();
  };
}
