// The one Prisma client of a process (PrismaPg driver adapter), created on first use so that scripts and
// tests can set DATABASE_URL before it connects; reused across hot reloads in development.
import { PrismaPg } from "@prisma/adapter-pg";
import { config } from "@/lib/config/env";
import { PrismaClient } from "@/lib/generated/prisma/client";

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

function getClient(): PrismaClient {
  if (globalForPrisma.prisma) return globalForPrisma.prisma;
  const { DATABASE_URL: connectionString, DATABASE_POOL_SIZE: max } = config();
  if (!connectionString) throw new Error("DATABASE_URL is not set");
  globalForPrisma.prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString, max }) });
  return globalForPrisma.prisma;
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
