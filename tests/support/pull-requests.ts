// Signed pull API requests as an import client makes them (lib/pull/protocol.ts), with every part overridable so
// that tests can forge, replay or age them.
import { randomBytes } from "node:crypto";
import { sm2Sign } from "@/lib/crypto/sm2";
import { PULL_HEADERS, pullCanonicalRequest } from "@/lib/pull/protocol";

export interface PullSigner {
  clientId: string;
  privateKey: string;
  publicKey: string;
}

export function signedPullRequest(options: {
  signer: PullSigner;
  path: string;
  payload: unknown;
  /** Defaults: now, a fresh nonce; `headerClientId` to claim another client's id with this signer's key. */
  timestamp?: number;
  nonce?: string;
  headerClientId?: string;
  rawBody?: string;
  signature?: string;
}): Request {
  const { signer, path } = options;
  const body = options.rawBody ?? JSON.stringify(options.payload);
  const timestamp = String(options.timestamp ?? Date.now());
  const nonce = options.nonce ?? randomBytes(16).toString("hex");
  const clientId = options.headerClientId ?? signer.clientId;
  const signature =
    options.signature ??
    sm2Sign(signer.privateKey, signer.publicKey, pullCanonicalRequest({ clientId, method: "POST", path, timestamp, nonce, body }));
  return new Request(`http://127.0.0.1${path}`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      [PULL_HEADERS.clientId]: clientId,
      [PULL_HEADERS.timestamp]: timestamp,
      [PULL_HEADERS.nonce]: nonce,
      [PULL_HEADERS.signature]: signature,
    },
    body,
  });
}

/** The signer of a test fixture's client: its bound legal-person card. */
export const pullSignerOf = (fixture: { client: { clientId: string }; legalCard: { privateKey: string; publicKey: string } }): PullSigner => ({
  clientId: fixture.client.clientId,
  privateKey: fixture.legalCard.privateKey,
  publicKey: fixture.legalCard.publicKey,
});
