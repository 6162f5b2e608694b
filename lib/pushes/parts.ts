// Large pushes are split into parts of at most 2,000 rows (docs/rules.md §6): materials fill the parts first, then
// products, in serial-number order. A push without rows is one part carrying only the header.
import type { ManualRowRecord } from "@/lib/manuals/records";

export const MAX_ROWS_PER_PART = 2_000;

export interface MessagePart {
  materials: ManualRowRecord[];
  products: ManualRowRecord[];
}

export function splitIntoParts(options: { materials: ManualRowRecord[]; products: ManualRowRecord[]; maxRows?: number }): MessagePart[] {
  const maxRows = options.maxRows ?? MAX_ROWS_PER_PART;
  const { materials, products } = options;
  const total = materials.length + products.length;
  const parts: MessagePart[] = [];
  for (let start = 0; start < total || parts.length === 0; start += maxRows) {
    const end = Math.min(start + maxRows, total);
    parts.push({
      materials: materials.slice(Math.min(start, materials.length), Math.min(end, materials.length)),
      products: products.slice(Math.max(start - materials.length, 0), Math.max(end - materials.length, 0)),
    });
  }
  return parts;
}
