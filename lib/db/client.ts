// The one Prisma client of a process (PrismaPg driver adapter), reused across hot reloads in development.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

function createClient() {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set");
  const max = Number(process.env.DATABASE_POOL_SIZE ?? 10);
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max }) });
}

export const db: PrismaClient = globalForPrisma.prisma ?? createClient();
if (process.env.NODE_ENV !== "production") globalForPrisma.prisma = db;

export type Db = PrismaClient;
export type { Prisma } from "@/lib/generated/prisma/client";
