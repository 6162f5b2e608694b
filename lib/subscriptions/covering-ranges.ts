// R4 allows at most MAX_RANGE_SIZE rows a subscription: a larger table is subscribed range by range.
import { MAX_RANGE_SIZE } from "@/lib/validations/subscription";

/** The ranges of at most `size` serial numbers that cover 1 … maxSeqno, in order. */
export function coveringRanges(maxSeqno: number, size: number = MAX_RANGE_SIZE): Array<{ from: number; to: number }> {
  const ranges: Array<{ from: number; to: number }> = [];
  for (let from = 1; from <= maxSeqno; from += size) ranges.push({ from, to: Math.min(from + size - 1, maxSeqno) });
  return ranges;
}
