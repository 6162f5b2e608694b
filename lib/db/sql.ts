// Transactions on pg directly, for statements that carry bulk data (unnest arrays, XML bodies). Through Prisma
// even a raw query costs a JSON round trip of every parameter, and @prisma/debug keeps the arguments of its
// last 100 calls (DEBUG set or not) — the pg adapter logs each query with its parameters — so a megabyte body
// sent through Prisma stays referenced long after it is stored.
import type pg from "pg";
import { pgPool } from "./client";

export type IsolationLevel = "READ COMMITTED" | "REPEATABLE READ" | "SERIALIZABLE";

/** One open transaction on a pooled connection; pg-boss can send jobs through it (lib/jobs/send.ts). */
export class SqlTransaction {
  constructor(private readonly client: pg.PoolClient) {}

  async query<R extends object>(text: string, values: unknown[] = []): Promise<R[]> {
    return (await this.client.query<R>(text, values)).rows;
  }
}

export async function inSqlTransaction<T>(work: (tx: SqlTransaction) => Promise<T>, options: { isolationLevel?: IsolationLevel } = {}): Promise<T> {
  const client = await pgPool().connect();
  let broken: Error | undefined;
  try {
    await client.query(options.isolationLevel ? `BEGIN ISOLATION LEVEL ${options.isolationLevel}` : "BEGIN");
    const result = await work(new SqlTransaction(client));
    await client.query("COMMIT");
    return result;
  } catch (error) {
    // A connection that cannot even roll back is discarded rather than returned to the pool.
    await client.query("ROLLBACK").catch((rollbackError: Error) => (broken = rollbackError));
    throw error;
  } finally {
    client.release(broken);
  }
}
