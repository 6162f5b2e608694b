import { describe, expect, test } from "vitest";
import type { ManualRowRecord } from "@/lib/manuals/records";
import { splitIntoParts } from "@/lib/pushes/parts";

const rows = (count: number, offset = 0) => Array.from({ length: count }, (_, i) => ({ gdsSeqno: offset + i + 1 }) as ManualRowRecord);

describe("splitIntoParts", () => {
  test("fills parts of at most 2,000 rows with materials first, then products, in order", () => {
    const parts = splitIntoParts({ materials: rows(10_000), products: rows(10_000, 20_000) });
    expect(parts).toHaveLength(10);
    expect(parts.every((p) => p.materials.length + p.products.length === 2_000)).toBe(true);
    expect(parts[4].materials.at(-1)!.gdsSeqno).toBe(10_000);
    expect(parts[5].materials).toHaveLength(0);
    expect(parts[5].products[0].gdsSeqno).toBe(20_001);
  });

  test("a part may hold the last materials and the first products", () => {
    const parts = splitIntoParts({ materials: rows(2_500), products: rows(600, 100) });
    expect(parts.map((p) => [p.materials.length, p.products.length])).toEqual([
      [2_000, 0],
      [500, 600],
    ]);
    expect(parts[1].products[0].gdsSeqno).toBe(101);
  });

  test("no rows is one part with the header alone", () => {
    expect(splitIntoParts({ materials: [], products: [] })).toEqual([{ materials: [], products: [] }]);
    expect(splitIntoParts({ materials: rows(2_000), products: [] })).toHaveLength(1);
  });
});
