import { describe, expect, it } from "vitest";
import { coveringRanges } from "./covering-ranges";

describe("coveringRanges", () => {
  it("splits a table into ranges of at most 10,000 serial numbers", () => {
    expect(coveringRanges(25_000)).toEqual([
      { from: 1, to: 10_000 },
      { from: 10_001, to: 20_000 },
      { from: 20_001, to: 25_000 },
    ]);
    expect(coveringRanges(20_000)).toEqual([
      { from: 1, to: 10_000 },
      { from: 10_001, to: 20_000 },
    ]);
  });

  it("gives one range for a small table and none for an empty one", () => {
    expect(coveringRanges(7)).toEqual([{ from: 1, to: 7 }]);
    expect(coveringRanges(0)).toEqual([]);
  });
});
