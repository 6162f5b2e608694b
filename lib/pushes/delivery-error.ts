// Why a delivery attempt failed, as a code and its technical detail. It is stored on the attempt and on the
// message as "CODE: detail" (logs and the audit keep codes); the portal words the code for the enterprise from
// the message files (what to check), with the detail on a second line (components/pushes/delivery-error.tsx).
export const DELIVERY_ERROR_CODES = [
  "HTTP_STATUS",
  "TIMEOUT",
  "REFUSED",
  "UNREACHABLE",
  "RESET",
  "TLS",
  "ADDRESS_REFUSED",
  "LEASE_EXPIRED",
  "OTHER",
] as const;
export type DeliveryErrorCode = (typeof DELIVERY_ERROR_CODES)[number];

const MAX_STORED = 240;

export const formatDeliveryError = (code: DeliveryErrorCode, detail?: string): string => (detail ? `${code}: ${detail}` : code).slice(0, MAX_STORED);

/** The code and detail of a stored error; anything else (a record older than the codes) is OTHER with its text. */
export function parseDeliveryError(stored: string): { code: DeliveryErrorCode; detail: string | null } {
  const match = /^([A-Z_]+)(?:: ([\s\S]*))?$/.exec(stored);
  const code = DELIVERY_ERROR_CODES.find((known) => known === match?.[1]);
  return code ? { code, detail: match?.[2] ?? null } : { code: "OTHER", detail: stored };
}

const UNREACHABLE = new Set([
  "ENOTFOUND",
  "EAI_AGAIN",
  "EAI_FAIL",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EHOSTDOWN",
  "EADDRNOTAVAIL",
  "ERR_SOCKET_BAD_PORT",
  "ERR_INVALID_URL",
]);
const RESET = new Set(["ECONNRESET", "EPIPE", "ECONNABORTED", "ERR_STREAM_PREMATURE_CLOSE", "ERR_HTTP_REQUEST_TIMEOUT"]);

/** The code of a socket, DNS or TLS failure from node:http. */
export function networkErrorCode(code: string | undefined): DeliveryErrorCode {
  if (!code) return "OTHER";
  if (code === "ECONNREFUSED") return "REFUSED";
  if (code === "ETIMEDOUT") return "TIMEOUT";
  if (UNREACHABLE.has(code)) return "UNREACHABLE";
  if (RESET.has(code)) return "RESET";
  if (/^(ERR_TLS|ERR_SSL|CERT_)|CERT|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER/.test(code)) return "TLS";
  return "OTHER";
}
