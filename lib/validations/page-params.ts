// Paging parameters of the admin lists: `after` (the keyset cursor, checked by each list) and `row`
// (序号 of the page's first row, so numbering continues across pages).
import type { SearchParams } from "./admin-filters";

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export function pageParams(params: SearchParams): { after: string | null; firstRow: number } {
  const row = Number(first(params.row));
  return { after: first(params.after) ?? null, firstRow: Number.isSafeInteger(row) && row > 0 ? row : 1 };
}

/** `after` of lists paged by an integer key (a change id, a serial number); anything else means the first page. */
export function afterInteger(params: SearchParams): number | null {
  const after = Number(first(params.after));
  return Number.isSafeInteger(after) && after > 0 ? after : null;
}
