// R14: a message id is the 4-digit year (Asia/Shanghai) followed by 16 zero-padded digits of the database
// sequence push_message_id_seq, so ids are unique across processes and restarts.
import type { Db, Prisma } from "@/lib/db/client";
import { shanghaiDay } from "@/lib/time/shanghai";

const SEQUENCE_DIGITS = 16;

/** The year a message id starts with: the calendar year in Asia/Shanghai (2025-12-31T16:30Z is 2026). */
export function messageIdYear(at: Date): number {
  return Number(shanghaiDay(at).slice(0, 4));
}

export function formatMessageId(options: { year: number; sequence: bigint }): string {
  const digits = options.sequence.toString();
  if (options.year < 1000 || options.year > 9999) throw new Error(`year ${options.year} does not have 4 digits`);
  if (options.sequence < 1n || digits.length > SEQUENCE_DIGITS) throw new Error(`sequence ${digits} out of range`);
  return `${options.year}${digits.padStart(SEQUENCE_DIGITS, "0")}`;
}

/** `count` fresh message ids in one round trip (a stock push of 10 parts asks once). */
export async function nextMessageIds(options: { db: Db | Prisma.TransactionClient; count: number; at: Date }): Promise<string[]> {
  if (options.count === 0) return [];
  const rows = await options.db.$queryRaw<{ value: bigint }[]>`
    SELECT nextval('push_message_id_seq') AS value FROM generate_series(1, ${options.count}::int)`;
  const year = messageIdYear(options.at);
  return rows.map((row) => formatMessageId({ year, sequence: BigInt(row.value) }));
}
