import { describe, expect, it } from "vitest";
import { safeReturnPath, signInPathFor } from "./return-path";

describe("safeReturnPath", () => {
  it("keeps a path on this site with its query", () => {
    expect(safeReturnPath("/pushes?emsNo=E32012500001")).toBe("/pushes?emsNo=E32012500001");
    expect(signInPathFor("/pushes?emsNo=E32012500001")).toBe("/login?next=%2Fpushes%3FemsNo%3DE32012500001");
  });

  it("refuses other origins, control characters, sign-in itself and the API", () => {
    for (const value of [
      "//evil.example/x",
      "/\\evil.example",
      "https://evil.example/",
      "pushes",
      "/login?next=/x",
      "/api/health",
      "/",
      "/a\nb",
      "",
      null,
      undefined,
    ]) {
      expect(safeReturnPath(value)).toBeNull();
    }
    expect(signInPathFor("//evil.example")).toBe("/login");
  });
});
