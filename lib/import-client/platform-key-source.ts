// Where the import client gets the platform public key: given directly, or fetched once from the portal's
// /api/platform-key. A failed fetch is retried on the next message, so the client may start before the portal.
// With verifyThreads the signatures are checked on that many worker threads (verify-pool.ts).
import { isSm2PublicKey } from "@/lib/crypto/sm2";
import { createPlatformVerifier, type PlatformSignatureHeaders } from "@/lib/signing/platform";
import { createThreadedVerifier } from "./verify-pool";

export interface PlatformKeySourceOptions {
  /** Uncompressed SM2 public key, hex (04‖x‖y). */
  platformPublicKey?: string;
  /** e.g. http://127.0.0.1:3000/api/platform-key */
  platformKeyUrl?: string;
  /** Verify on this many worker threads; 0 or absent: on the event loop. */
  verifyThreads?: number;
}

export type ClientVerifier = (options: PlatformSignatureHeaders & { body: Uint8Array | string }) => boolean | Promise<boolean>;

export function createPlatformKeySource(options: PlatformKeySourceOptions): {
  get: () => Promise<ClientVerifier>;
  /** The key itself (reconcile verifies the manifest's signature with it). */
  publicKey: () => Promise<string>;
  close: () => Promise<void>;
} {
  if (options.platformPublicKey && !isSm2PublicKey(options.platformPublicKey))
    throw new Error("the platform public key is not a point of the SM2 curve");
  let close = async () => {};
  const verifierFor = (publicKey: string): ClientVerifier => {
    if (!options.verifyThreads) return createPlatformVerifier(publicKey);
    const threaded = createThreadedVerifier(publicKey, options.verifyThreads);
    close = threaded.close;
    return threaded.verify;
  };
  let key = options.platformPublicKey;
  let verifier = key ? verifierFor(key) : undefined;
  const publicKey = async () => {
    if (key) return key;
    if (!options.platformKeyUrl) throw new Error("no platform public key configured");
    const response = await fetch(options.platformKeyUrl, { signal: AbortSignal.timeout(5_000) });
    if (!response.ok) throw new Error(`platform key request answered HTTP ${response.status}`);
    const fetched = ((await response.json()) as { publicKey?: unknown }).publicKey;
    if (typeof fetched !== "string" || !isSm2PublicKey(fetched)) throw new Error("platform key response has no SM2 public key");
    key ??= fetched;
    return key;
  };
  return {
    get: async () => {
      if (verifier) return verifier;
      const fetched = await publicKey();
      // Two messages racing the first fetch: the first verifier made is kept (and its threads the only ones).
      verifier ??= verifierFor(fetched);
      return verifier;
    },
    publicKey,
    close: () => close(),
  };
}
