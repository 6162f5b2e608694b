// The pull delivery protocol, version 1 (docs/delivery-protocol.md, part B): what the import client and the portal
// must agree on byte for byte. Imported by both sides, so it holds no server code.
import { createHash } from "node:crypto";

export const PULL_PROTOCOL_VERSION = "v1";
export const PULL_BASE_PATH = `/api/pull/${PULL_PROTOCOL_VERSION}`;

export const PULL_PATHS = {
  messages: `${PULL_BASE_PATH}/messages`,
  ack: `${PULL_BASE_PATH}/ack`,
  manifest: `${PULL_BASE_PATH}/manifest`,
  fetch: `${PULL_BASE_PATH}/fetch`,
} as const;

/** Request headers of a signed pull request. */
export const PULL_HEADERS = {
  clientId: "X-SW-Client-Id",
  timestamp: "X-SW-Timestamp",
  nonce: "X-SW-Nonce",
  signature: "X-SW-Signature",
} as const;

/** Headers of the platform's signature over a manifest answer. */
export const MANIFEST_HEADERS = {
  timestamp: "X-SW-Timestamp",
  signature: "X-SW-Signature",
} as const;

const REQUEST_PREFIX = "SW-PULL-V1";
const MANIFEST_PREFIX = "SW-MANIFEST-V1";

/** A request's timestamp may be this far from the portal's clock, either way; its nonce is kept as long. */
export const PULL_TIMESTAMP_WINDOW_MS = 300_000;
export const PULL_MAX_MESSAGES = 100;
export const PULL_MAX_WAIT_SECONDS = 30;
export const PULL_DEFAULT_LEASE_SECONDS = 120;
export const PULL_MIN_LEASE_SECONDS = 5;
export const PULL_MAX_LEASE_SECONDS = 900;
export const PULL_MAX_ACK = 500;
export const PULL_MAX_FETCH = 100;
/** A manifest covers at most this many days and this many messages (ask for a shorter range beyond it). */
export const MANIFEST_MAX_DAYS = 31;
export const MANIFEST_MAX_ENTRIES = 50_000;

/** The stable codes of refused pull requests (`{"error": {"code": …}}`). */
export const PULL_ERROR_CODES = [
  "AUTH_FAILED",
  "STALE_TIMESTAMP",
  "NONCE_REUSED",
  "CLIENT_NOT_BOUND",
  "PULL_MODE_REQUIRED",
  "CLIENT_PAUSED",
  "INVALID_REQUEST",
  "PAYLOAD_TOO_LARGE",
  "UNKNOWN_MESSAGES",
  "RANGE_TOO_LARGE",
] as const;
export type PullErrorCode = (typeof PULL_ERROR_CODES)[number];

export const sm3Hex = (bytes: string | Uint8Array): string => createHash("sm3").update(bytes).digest("hex");

/** The canonical request a client signs with its bound card's key: seven lines joined by \n, no trailing newline. */
export function pullCanonicalRequest(options: {
  clientId: string;
  method: string;
  path: string;
  timestamp: string;
  nonce: string;
  body: string | Uint8Array;
}): string {
  const { clientId, method, path, timestamp, nonce, body } = options;
  return [REQUEST_PREFIX, clientId, method.toUpperCase(), path, timestamp, nonce, sm3Hex(body)].join("\n");
}

/** What the platform signs over a manifest answer: the client, the time of signing and the answer's exact bytes. */
export function manifestCanonicalString(options: { clientId: string; timestamp: string; body: string | Uint8Array }): string {
  return [MANIFEST_PREFIX, options.clientId, options.timestamp, sm3Hex(options.body)].join("\n");
}

/** One message offered by `pull` or `fetch`: the stored body and the same platform signature headers as a push. */
export interface PulledMessage {
  messageId: string;
  type: string;
  emsNo: string | null;
  /** The stored XML; its UTF-8 bytes are the bytes the platform signature covers. */
  body: string;
  headers: Record<string, string>;
  /** Pull only: when the lease ends (ISO 8601); unacknowledged, the message is offered again after it. */
  leasedUntil?: string;
}

export interface ManifestEntry {
  messageId: string;
  type: string;
  emsNo: string | null;
  /** Lower-case hex SM3 of the body's UTF-8 bytes. */
  bodySm3: string;
  status: "PENDING" | "DELIVERED" | "FAILED";
  dispatchedAt: string;
}

export interface Manifest {
  clientId: string;
  from: string;
  to: string;
  generatedAt: string;
  messages: ManifestEntry[];
}
