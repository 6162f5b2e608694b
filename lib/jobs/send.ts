// Sending jobs from the web app or from a handler, optionally inside the caller's Prisma transaction so
// that the job exists exactly when the rows it refers to do.
import type { PgBoss, SendOptions } from "pg-boss";
import type { z } from "zod";
import type { Prisma } from "@/lib/db/client";
import { SqlTransaction } from "@/lib/db/sql";
import { currentRequestId } from "@/lib/log/request-context";
import { createBoss } from "./boss";
import type { JobDefinition } from "./definition";

let sender: Promise<PgBoss> | undefined;

function getSender(): Promise<PgBoss> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error("DATABASE_URL is not set");
  sender ??= (async () => {
    const boss = createBoss(databaseUrl, "sender");
    await boss.start();
    return boss;
  })();
  return sender;
}

/** pg-boss runs its INSERT through the transaction's connection (a Prisma transaction or one on pg: lib/db/sql.ts). */
const inTransaction = (tx: Prisma.TransactionClient | SqlTransaction) => ({
  executeSql: async (text: string, values: unknown[] = []) => ({
    rows: tx instanceof SqlTransaction ? await tx.query(text, values) : await tx.$queryRawUnsafe<unknown[]>(text, ...values),
  }),
});

function jobData<TSchema extends z.ZodType>(job: JobDefinition<TSchema>, payload: z.input<TSchema>): object {
  const requestId = currentRequestId();
  return { ...(job.schema.parse(payload) as object), ...(requestId ? { requestId } : {}) };
}

export async function sendJob<TSchema extends z.ZodType>(
  job: JobDefinition<TSchema>,
  payload: z.input<TSchema>,
  options: { tx?: Prisma.TransactionClient } & Omit<SendOptions, "db"> = {},
): Promise<string | null> {
  const { tx, ...sendOptions } = options;
  const boss = await getSender();
  return boss.send(job.name, jobData(job, payload), { ...sendOptions, ...(tx ? { db: inTransaction(tx) } : {}) });
}

/** Many jobs of one definition in a single INSERT (one round trip however many, e.g. a job per stored message). */
export async function sendJobs<TSchema extends z.ZodType>(
  job: JobDefinition<TSchema>,
  payloads: z.input<TSchema>[],
  options: { tx?: Prisma.TransactionClient | SqlTransaction; startAfterSeconds?: number } = {},
): Promise<void> {
  if (payloads.length === 0) return;
  const boss = await getSender();
  const startAfter = options.startAfterSeconds;
  const jobs = payloads.map((payload) => ({ data: jobData(job, payload), ...(startAfter ? { startAfter } : {}) }));
  await boss.insert(job.name, jobs, options.tx ? { db: inTransaction(options.tx) } : {});
}

/** Closes the sender's pool (graceful shutdown, tests). */
export async function stopSender(): Promise<void> {
  const boss = await sender;
  sender = undefined;
  await boss?.stop({ graceful: false });
}
