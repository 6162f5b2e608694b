// Where the import client gets the platform public key: given directly, or fetched once from the portal's
// /api/platform-key. A failed fetch is retried on the next message, so the client may start before the portal.
import { isSm2PublicKey } from "@/lib/crypto/sm2";
import { createPlatformVerifier, type PlatformSignatureVerifier } from "@/lib/signing/platform";

export interface PlatformKeySourceOptions {
  /** Uncompressed SM2 public key, hex (04‖x‖y). */
  platformPublicKey?: string;
  /** e.g. http://127.0.0.1:3000/api/platform-key */
  platformKeyUrl?: string;
}

export function createPlatformKeySource(options: PlatformKeySourceOptions): () => Promise<PlatformSignatureVerifier> {
  if (options.platformPublicKey && !isSm2PublicKey(options.platformPublicKey)) throw new Error("the platform public key is not a point of the SM2 curve");
  let verifier: PlatformSignatureVerifier | undefined = options.platformPublicKey
    ? createPlatformVerifier(options.platformPublicKey)
    : undefined;
  return async () => {
    if (verifier) return verifier;
    if (!options.platformKeyUrl) throw new Error("no platform public key configured");
    const response = await fetch(options.platformKeyUrl, { signal: AbortSignal.timeout(5_000) });
    if (!response.ok) throw new Error(`platform key request answered HTTP ${response.status}`);
    const { publicKey } = (await response.json()) as { publicKey?: unknown };
    if (typeof publicKey !== "string" || !isSm2PublicKey(publicKey)) throw new Error("platform key response has no SM2 public key");
    verifier = createPlatformVerifier(publicKey);
    return verifier;
  };
}
