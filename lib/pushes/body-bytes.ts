// A stored body as the UTF-8 bytes it is posted as, read on pg directly (lib/db/sql.ts says why not Prisma) in
// pg's binary mode: PostgreSQL's binary form of text is its UTF-8 bytes, so they are neither decoded into a
// string nor encoded back.
import type pg from "pg";
import { pgPool } from "@/lib/db/client";

const rawBytes = (value: Buffer<ArrayBuffer>) => value;
const asBytes = { getTypeParser: () => rawBytes } as unknown as pg.CustomTypesConfig;

export async function readBodyBytes(pushMessageId: number): Promise<Buffer<ArrayBuffer> | null> {
  // `binary` is a query option of pg that @types/pg does not declare.
  const query = { text: `SELECT body FROM "PushMessage" WHERE id = $1`, values: [pushMessageId], binary: true, types: asBytes };
  const { rows } = await pgPool().query<{ body: Buffer<ArrayBuffer> }>(query);
  return rows[0]?.body ?? null;
}
