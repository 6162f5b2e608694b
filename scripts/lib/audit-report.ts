// Reads `npm audit --json` output: findings by severity, or why the advisory database could not be asked.
// The registry this machine uses answers the audit endpoint with 405; that must read as "not checked", never
// as "no findings", and must not be confused with a broken project (no lockfile), which fails.

export type AuditVerdict =
  | { kind: "clean"; counts: Record<string, number> }
  | { kind: "findings"; counts: Record<string, number>; blocking: { name: string; severity: string }[] }
  | { kind: "unreachable"; reason: string }
  | { kind: "error"; reason: string };

const BLOCKING = new Set(["high", "critical"]);
const NETWORK_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ENOTFOUND", "EAI_AGAIN", "ETIMEDOUT", "ENETUNREACH", "EHOSTUNREACH"]);

interface AuditJson {
  metadata?: { vulnerabilities?: Record<string, number> };
  vulnerabilities?: Record<string, { name: string; severity: string }>;
  statusCode?: number;
  code?: string;
  message?: string;
  error?: { code?: string; summary?: string; detail?: string };
}

export function readAuditOutput(stdout: string): AuditVerdict {
  let report: AuditJson;
  try {
    report = JSON.parse(stdout) as AuditJson;
  } catch {
    return { kind: "error", reason: `npm audit printed no JSON: ${stdout.slice(0, 200)}` };
  }
  const counts = report.metadata?.vulnerabilities;
  if (counts) {
    const blocking = Object.values(report.vulnerabilities ?? {})
      .filter((entry) => BLOCKING.has(entry.severity))
      .map(({ name, severity }) => ({ name, severity }));
    return blocking.length ? { kind: "findings", counts, blocking } : { kind: "clean", counts };
  }
  const code = report.code ?? report.error?.code;
  const message = report.message ?? report.error?.summary ?? "";
  // An HTTP answer from the advisory endpoint (e.g. 405) or no connection to it.
  if (report.statusCode || (code && NETWORK_CODES.has(code))) return { kind: "unreachable", reason: message || String(code) };
  return { kind: "error", reason: [code, message, report.error?.detail].filter(Boolean).join(": ") || "unknown npm audit failure" };
}
