// The import client's side of the pull API (docs/delivery-protocol.md B): each request signed with the bound card's
// key over the canonical request (lib/pull/protocol.ts), a fresh nonce each time. A refusal becomes a PullApiError
// with the portal's stable code.
import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { sm2KeyPair } from "@/lib/crypto/sm2";
import { createSm2Signer } from "@/lib/signing/sm2-fixed-key";
import { PULL_HEADERS, pullCanonicalRequest } from "@/lib/pull/protocol";

export class PullApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    detail?: string,
  ) {
    super(`${code} (HTTP ${status})${detail ? `: ${detail}` : ""}`);
    this.name = "PullApiError";
  }
}

export interface PullApiOptions {
  portalUrl: string;
  clientId: string;
  /** The bound card's SM2 private key, 64 hex. */
  privateKey: string;
}

/** A key file: the 64 hex digits of the private key alone, or JSON with a `privateKey` field. */
export async function readKeyFile(file: string): Promise<string> {
  const text = (await readFile(file, "utf8")).trim();
  const key = text.startsWith("{") ? (JSON.parse(text) as { privateKey?: unknown }).privateKey : text;
  if (typeof key !== "string" || !/^[0-9a-fA-F]{64}$/.test(key))
    throw new Error(`${file} holds no SM2 private key (64 hex digits, or JSON with "privateKey")`);
  return key.toLowerCase();
}

export function createPullApi(options: PullApiOptions) {
  const sign = createSm2Signer(sm2KeyPair(options.privateKey));
  return async function call<T>(
    path: string,
    payload: object,
    callOptions: { signal?: AbortSignal; timeoutMs?: number } = {},
  ): Promise<{ json: T; headers: Headers; text: string }> {
    const body = JSON.stringify(payload);
    const timestamp = String(Date.now());
    const nonce = randomBytes(16).toString("hex");
    const signature = sign(pullCanonicalRequest({ clientId: options.clientId, method: "POST", path, timestamp, nonce, body }));
    const signals = [AbortSignal.timeout(callOptions.timeoutMs ?? 60_000), ...(callOptions.signal ? [callOptions.signal] : [])];
    const response = await fetch(new URL(path, options.portalUrl), {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        [PULL_HEADERS.clientId]: options.clientId,
        [PULL_HEADERS.timestamp]: timestamp,
        [PULL_HEADERS.nonce]: nonce,
        [PULL_HEADERS.signature]: signature,
      },
      body,
      signal: AbortSignal.any(signals),
    });
    const text = await response.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new PullApiError(response.status, "NOT_JSON", text.slice(0, 200));
    }
    if (!response.ok) {
      const error = (json as { error?: { code?: string; detail?: string } }).error;
      throw new PullApiError(response.status, error?.code ?? "HTTP_ERROR", error?.detail);
    }
    return { json: json as T, headers: response.headers, text };
  };
}

export type PullApi = ReturnType<typeof createPullApi>;
