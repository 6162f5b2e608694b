import { describe, expect, it } from "vitest";
import { pageWindow } from "@/components/page-numbers";

describe("pageWindow", () => {
  it("shows every page of a short list", () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(2, 4)).toEqual([1, 2, 3, 4]);
  });

  it("shows the ends and the neighbourhood of the current page, with gaps", () => {
    expect(pageWindow(6, 12)).toEqual([1, null, 4, 5, 6, 7, 8, null, 12]);
    expect(pageWindow(1, 12)).toEqual([1, 2, 3, null, 12]);
    expect(pageWindow(12, 12)).toEqual([1, null, 10, 11, 12]);
    expect(pageWindow(4, 12)).toEqual([1, 2, 3, 4, 5, 6, null, 12]);
  });
});
