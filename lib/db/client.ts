// The one Prisma client of a process (PrismaPg driver adapter), created on first use so that scripts and
// tests can set DATABASE_URL before it connects; reused across hot reloads in development. Its pg pool is
// ours and shared (pgPool), so that statements carrying bulk data can bypass Prisma (lib/db/sql.ts).
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { config } from "@/lib/config/env";
import { logger } from "@/lib/log/logger";
import { PrismaClient } from "@/lib/generated/prisma/client";

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient; pgPool?: pg.Pool };

function getClient(): PrismaClient {
  if (globalForPrisma.prisma) return globalForPrisma.prisma;
  // $disconnect ends the pool (disposeExternalPool); Prisma then reconnects with a pool of its own from the same
  // options, and pgPool() makes a new one for itself.
  globalForPrisma.prisma = new PrismaClient({ adapter: new PrismaPg(pgPool(), { disposeExternalPool: true }) });
  return globalForPrisma.prisma;
}

/** The pg pool the Prisma client runs on (or, after a $disconnect, a fresh one with the same settings). */
export function pgPool(): pg.Pool {
  if (globalForPrisma.pgPool && !globalForPrisma.pgPool.ended) return globalForPrisma.pgPool;
  const { DATABASE_URL: connectionString, DATABASE_POOL_SIZE: max } = config();
  if (!connectionString) throw new Error("DATABASE_URL is not set");
  const pool = new pg.Pool({ connectionString, max });
  // An idle connection PostgreSQL ends (a restart, an administrator) is dropped from the pool, which connects
  // again on the next query; without a listener the 'error' event would end the process.
  pool.on("error", (err) => logger("db").warn({ err }, "idle database connection lost"));
  globalForPrisma.pgPool = pool;
  return pool;
}

export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get: (_target, property) => {
    const client = getClient();
    const value = Reflect.get(client, property, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

export type Db = PrismaClient;
export { Prisma } from "@/lib/generated/prisma/client";
