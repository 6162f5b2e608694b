// Development defaults for what production must configure: the database (embedded PostgreSQL when
// DATABASE_URL is unset) and the session secret (generated once into .data/).
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { startEmbeddedPostgres, type LocalPostgres } from "@/lib/db/embedded";

const DATA_DIR = path.join(process.cwd(), ".data");

export async function resolveDatabase(databaseName = "sw_portal"): Promise<{ databaseUrl: string; local?: LocalPostgres }> {
  if (process.env.DATABASE_URL) return { databaseUrl: process.env.DATABASE_URL };
  const local = await startEmbeddedPostgres();
  return { databaseUrl: local.urlFor(databaseName), local };
}

export function resolveAuthSecret(): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const file = path.join(DATA_DIR, "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(DATA_DIR, { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}
