// Keyset pages in both directions for lists ordered by (time DESC, id DESC): 下一页 continues after the last row,
// 上一页 reads the rows before the first one in ascending order and turns them round; neither needs OFFSET, so a
// deep page costs what the first one does. The total is counted up to a cap, as an exact count of millions of
// rows would cost a second a page.
import { afterTimeCursor, decodeTimeCursor, encodeTimeCursor, type Page, type TimeCursor } from "./keyset";

export type SortOrder = "desc" | "asc";

export interface TwoWayPage<TRow> extends Page<TRow> {
  /** Cursor of the previous page; null on the first one. */
  prevCursor: string | null;
}

/** Rows before the cursor in (field DESC, id DESC) order, i.e. after it ascending, as a Prisma `where`. */
export function beforeTimeCursor<TWhere>(field: string, cursor: TimeCursor): TWhere {
  return {
    AND: [{ [field]: { gte: cursor.at } }, { OR: [{ [field]: { gt: cursor.at } }, { [field]: cursor.at, id: { gt: cursor.id } }] }],
  } as TWhere;
}

export async function twoWayTimePage<TWhere, TRecord extends { id: number }, TRow>(options: {
  after?: string | null;
  before?: string | null;
  pageSize: number;
  field: NoInfer<keyof TRecord & string>;
  /** The records of the filter and the cursor's `where` (null: none), in the given order, `take` of them. */
  fetch: (cursorWhere: TWhere | null, order: SortOrder, take: number) => Promise<TRecord[]>;
  toRow: (records: NoInfer<TRecord>[]) => Promise<TRow[]> | TRow[];
}): Promise<TwoWayPage<TRow>> {
  const { pageSize, field } = options;
  const cursorOf = (record: TRecord) => encodeTimeCursor(record[field] as Date, record.id);
  const before = decodeTimeCursor(options.before);
  if (before) {
    const earlier = await options.fetch(beforeTimeCursor<TWhere>(field, before), "asc", pageSize + 1);
    // Back at the start: the first page as it is now, full, rather than the few rows left before the cursor.
    if (earlier.length > pageSize) {
      const page = earlier.slice(0, pageSize).reverse();
      return { rows: await options.toRow(page), nextCursor: cursorOf(page[page.length - 1]), prevCursor: cursorOf(page[0]) };
    }
  }
  const after = before ? null : decodeTimeCursor(options.after);
  const records = await options.fetch(after ? afterTimeCursor<TWhere>(field, after) : null, "desc", pageSize + 1);
  const page = records.slice(0, pageSize);
  return {
    rows: await options.toRow(page),
    nextCursor: records.length > pageSize ? cursorOf(page[page.length - 1]) : null,
    prevCursor: after && page.length ? cursorOf(page[0]) : null,
  };
}

export const TOTAL_CAP = 100_000;

export interface ListTotal {
  count: number;
  /** More rows than `count` match: the total was counted up to TOTAL_CAP. */
  capped: boolean;
}

export async function cappedTotal(count: (take: number) => Promise<number>): Promise<ListTotal> {
  const counted = await count(TOTAL_CAP + 1);
  return counted > TOTAL_CAP ? { count: TOTAL_CAP, capped: true } : { count: counted, capped: false };
}
