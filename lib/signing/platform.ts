// Platform signature of a push delivery (R14, docs/delivery-protocol.md). The platform signs, with SM2/SM3
// and the default user id 1234567812345678, the canonical string
//
//   SW-PUSH-V1 \n <messageId> \n <timestamp> \n <lower-case hex SM3 of the exact body bytes>
//
// and sends the DER signature as hex. The prefix keeps these signatures from being valid for anything else.
import { createHash } from "node:crypto";
import { getPlatformKeyPair, type PlatformKeyPair } from "./platform-key";
import { createSm2DigestVerifier, createSm2Signer, sm2DigestFor } from "./sm2-fixed-key";

export const PLATFORM_HEADERS = {
  messageId: "X-SW-Message-Id",
  timestamp: "X-SW-Timestamp",
  signature: "X-SW-Signature",
} as const;

const CANONICAL_PREFIX = "SW-PUSH-V1";

export interface PlatformSignatureHeaders {
  messageId: string;
  /** Milliseconds since the Unix epoch, as decimal digits. */
  timestamp: string;
  /** DER-encoded SM2 signature, hex. */
  signature: string;
}

/** SM3 through Node's OpenSSL: an order of magnitude faster than the JavaScript one on megabyte bodies. */
export function sm3BodyHex(body: string | Uint8Array): string {
  return createHash("sm3").update(body).digest("hex");
}

export function platformCanonicalString(options: { messageId: string; timestamp: string; bodySm3Hex: string }): string {
  return `${CANONICAL_PREFIX}\n${options.messageId}\n${options.timestamp}\n${options.bodySm3Hex}`;
}

// The platform key is fixed for the life of a process: its signer (with Z) is made once.
let signer: { keyPair: PlatformKeyPair; sign: (message: string) => string } | undefined;

function platformSign(canonical: string): string {
  const keyPair = getPlatformKeyPair();
  if (signer?.keyPair !== keyPair) signer = { keyPair, sign: createSm2Signer(keyPair) };
  return signer.sign(canonical);
}

/** Signature headers for one delivery attempt of `body` (signed afresh each attempt, with its own timestamp). */
export function signPlatformHeaders(options: { messageId: string; body: string | Uint8Array; at?: Date }): Record<string, string> {
  const timestamp = String((options.at ?? new Date()).getTime());
  const canonical = platformCanonicalString({ messageId: options.messageId, timestamp, bodySm3Hex: sm3BodyHex(options.body) });
  return {
    [PLATFORM_HEADERS.messageId]: options.messageId,
    [PLATFORM_HEADERS.timestamp]: timestamp,
    [PLATFORM_HEADERS.signature]: platformSign(canonical),
  };
}

export type PlatformSignatureVerifier = (options: PlatformSignatureHeaders & { body: Uint8Array | string }) => boolean;

/** e = SM3(Z ‖ canonical string) of a delivery for one platform public key, or null when the headers are malformed. */
export function createPlatformDigester(
  publicKeyHex: string,
): (options: Omit<PlatformSignatureHeaders, "signature"> & { body: Uint8Array | string }) => Buffer | null {
  const digestOf = sm2DigestFor(publicKeyHex);
  return ({ messageId, timestamp, body }) =>
    /^\d{1,16}$/.test(timestamp) ? digestOf(platformCanonicalString({ messageId, timestamp, bodySm3Hex: sm3BodyHex(body) })) : null;
}

/** A signature hex string worth handing to the curve arithmetic. */
export const isSignatureHex = (signature: string) => /^[0-9a-fA-F]+$/.test(signature);

/**
 * A verifier for one platform public key: Z and the key's point are computed once, the digests by OpenSSL's
 * SM3 (the import client checks every message it receives).
 */
export function createPlatformVerifier(publicKeyHex: string): PlatformSignatureVerifier {
  const digestOf = createPlatformDigester(publicKeyHex);
  const verifyDigest = createSm2DigestVerifier(publicKeyHex);
  return ({ signature, ...rest }) => {
    const digest = isSignatureHex(signature) ? digestOf(rest) : null;
    return digest !== null && verifyDigest(digest, signature);
  };
}

/** One-off verification (the import client keeps a verifier from createPlatformVerifier instead). */
export function verifyPlatformSignature(options: PlatformSignatureHeaders & { body: Uint8Array | string; publicKey: string }): boolean {
  const { publicKey, ...rest } = options;
  return createPlatformVerifier(publicKey)(rest);
}
