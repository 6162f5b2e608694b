// Paging parameters of the admin lists: `after` or `before` (the keyset cursor of 下一页 or 上一页, checked by
// each list) and `row` (序号 of the page's first row, so numbering continues across pages).
import { z } from "zod";
import type { SearchParams } from "./admin-filters";
import { MAX_DB_INTEGER } from "./identifiers";

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export function pageParams(params: SearchParams): { after: string | null; before: string | null; firstRow: number } {
  const row = Number(first(params.row));
  return { after: first(params.after) ?? null, before: first(params.before) ?? null, firstRow: Number.isSafeInteger(row) && row > 0 ? row : 1 };
}

/**
 * `after` of lists paged by an integer key (a record id, a serial number); anything else — including a number
 * PostgreSQL's integer cannot hold, which would fail the query — means the first page.
 */
export const ZAfterInteger = z.coerce.number().int().positive().max(MAX_DB_INTEGER).optional().catch(undefined);

export function afterInteger(params: SearchParams): number | null {
  return ZAfterInteger.parse(first(params.after)) ?? null;
}
