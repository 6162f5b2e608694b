// Sending jobs from the web app or from a handler, optionally inside the caller's Prisma transaction so
// that the job exists exactly when the rows it refers to do.
import type { PgBoss, SendOptions } from "pg-boss";
import type { z } from "zod";
import type { Prisma } from "@/lib/db/client";
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

/** pg-boss runs its INSERT through the transaction's connection. */
const inTransaction = (tx: Prisma.TransactionClient) => ({
  executeSql: async (text: string, values: unknown[] = []) => ({
    rows: await tx.$queryRawUnsafe<unknown[]>(text, ...values),
  }),
});

export async function sendJob<TSchema extends z.ZodType>(
  job: JobDefinition<TSchema>,
  payload: z.input<TSchema>,
  options: { tx?: Prisma.TransactionClient } & Omit<SendOptions, "db"> = {},
): Promise<string | null> {
  const data = job.schema.parse(payload) as object;
  const { tx, ...sendOptions } = options;
  const boss = await getSender();
  return boss.send(job.name, data, { ...sendOptions, ...(tx ? { db: inTransaction(tx) } : {}) });
}

/** Closes the sender's pool (graceful shutdown, tests). */
export async function stopSender(): Promise<void> {
  const boss = await sender;
  sender = undefined;
  await boss?.stop({ graceful: false });
}
