import { describe, expect, test } from "vitest";
import { csvLine } from "./encode";

describe("csvLine", () => {
  test("quotes commas, quotes and line breaks and ends with CRLF", () => {
    expect(csvLine(["a", 'say "hi"', "x,y", "1\n2", null, 3])).toBe('a,"say ""hi""","x,y","1\n2",,3\r\n');
  });
  test("keeps long or zero-led digit strings as text for Excel", () => {
    expect(csvLine(["20260000000000000123", "8600000198447", "0123456789", "3201931234", "42"])).toBe(
      '="20260000000000000123",="8600000198447",="0123456789",3201931234,42\r\n',
    );
  });
  test("defuses cells that would start a formula", () => {
    expect(csvLine(['=HYPERLINK("x")', "+1", "-2", "@SUM(A1)"])).toBe(`"'=HYPERLINK(""x"")",'+1,'-2,'@SUM(A1)\r\n`);
  });
});
