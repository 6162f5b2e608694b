// Keyset paging (no OFFSET): a page starts after the last row of the previous one, so a deep page costs what
// the first one does and rows written meanwhile do not shift the pages. Lists ordered by (time DESC, id DESC)
// use a cursor `<epoch ms>.<id>` of their last row.
export interface TimeCursor {
  at: Date;
  id: number;
}

export const encodeTimeCursor = (at: Date, id: number | bigint): string => `${at.getTime()}.${id}`;

export function decodeTimeCursor(text: unknown): TimeCursor | null {
  const match = typeof text === "string" ? /^(\d{1,15})\.(\d{1,15})$/.exec(text) : null;
  return match ? { at: new Date(Number(match[1])), id: Number(match[2]) } : null;
}

/**
 * Rows after the cursor in (field DESC, id DESC) order, as a Prisma `where`. The redundant `lte` lets the
 * (field, id) index scan start at the cursor instead of filtering every row before it.
 */
export function afterTimeCursor<TWhere>(field: string, cursor: TimeCursor): TWhere {
  return {
    AND: [{ [field]: { lte: cursor.at } }, { OR: [{ [field]: { lt: cursor.at } }, { [field]: cursor.at, id: { lt: cursor.id } }] }],
  } as TWhere;
}

export interface Page<TRow> {
  rows: TRow[];
  /** Cursor of the next page; null on the last one. */
  nextCursor: string | null;
}

/** A page from `pageSize + 1` fetched records: the extra one only tells that another page exists. */
export function toPage<TRecord, TRow>(
  records: TRecord[],
  pageSize: number,
  cursorOf: (record: TRecord) => string,
  toRow: (record: TRecord) => TRow,
): Page<TRow> {
  const page = records.slice(0, pageSize);
  return { rows: page.map(toRow), nextCursor: records.length > pageSize ? cursorOf(page[page.length - 1]) : null };
}

/** Every row of a keyset-paged query, one page at a time (exports: constant memory however many rows). */
export async function* eachPage<TRow>(fetchPage: (after: string | null) => Promise<Page<TRow>>): AsyncGenerator<TRow[]> {
  let after: string | null = null;
  do {
    const page: Page<TRow> = await fetchPage(after);
    if (page.rows.length) yield page.rows;
    after = page.nextCursor;
  } while (after);
}
