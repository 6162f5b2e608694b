// npm run audit:prod's reading of `npm audit --json`: high/critical findings fail, an unreachable advisory
// endpoint is "not checked" (never "clean"), and a broken project is an error.
import { describe, expect, test } from "vitest";
import { readAuditOutput } from "./audit-report";

const report = (vulnerabilities: Record<string, { name: string; severity: string }>) => {
  const counts = { info: 0, low: 0, moderate: 0, high: 0, critical: 0, total: 0 };
  for (const { severity } of Object.values(vulnerabilities)) {
    counts[severity as keyof typeof counts]++;
    counts.total++;
  }
  return JSON.stringify({ auditReportVersion: 2, vulnerabilities, metadata: { vulnerabilities: counts } });
};

describe("npm audit output", () => {
  test("high and critical findings block; moderate ones do not", () => {
    expect(readAuditOutput(report({ a: { name: "a", severity: "moderate" } }))).toMatchObject({ kind: "clean" });
    expect(
      readAuditOutput(
        report({ a: { name: "a", severity: "moderate" }, next: { name: "next", severity: "critical" }, pg: { name: "pg", severity: "high" } }),
      ),
    ).toEqual({
      kind: "findings",
      counts: { info: 0, low: 0, moderate: 1, high: 1, critical: 1, total: 3 },
      blocking: [
        { name: "next", severity: "critical" },
        { name: "pg", severity: "high" },
      ],
    });
  });

  test("the registry's 405 and a missing connection read as unreachable", () => {
    // What this machine's registry answers (npm 11).
    const answer405 = JSON.stringify({
      message: "405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk",
      method: "POST",
      uri: "https://registry.npmjs.org/-/npm/v1/security/advisories/bulk",
      statusCode: 405,
      body: "",
      error: { summary: "", detail: "" },
    });
    expect(readAuditOutput(answer405)).toMatchObject({ kind: "unreachable", reason: expect.stringContaining("405") });
    expect(readAuditOutput(JSON.stringify({ error: { code: "ENOTFOUND", summary: "request to … failed" } }))).toMatchObject({ kind: "unreachable" });
  });

  test("anything else is an error, not a skip", () => {
    expect(readAuditOutput(JSON.stringify({ error: { code: "ENOLOCK", summary: "This command requires an existing lockfile." } }))).toMatchObject({
      kind: "error",
    });
    expect(readAuditOutput("")).toMatchObject({ kind: "error" });
  });
});
