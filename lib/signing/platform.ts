// Platform signature of a push delivery (R14, docs/delivery-protocol.md). The platform signs, with SM2/SM3
// and the default user id 1234567812345678, the canonical string
//
//   SW-PUSH-V1 \n <messageId> \n <timestamp> \n <lower-case hex SM3 of the exact body bytes>
//
// and sends the DER signature as hex. The prefix keeps these signatures from being valid for anything else.
import { createHash } from "node:crypto";
import { sm2 } from "sm-crypto-v2";
import { SM2_DEFAULT_USER_ID, sm2Sign } from "@/lib/crypto/sm2";
import { getPlatformKeyPair } from "./platform-key";

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

/** Signature headers for one delivery attempt of `body` (signed afresh each attempt, with its own timestamp). */
export function signPlatformHeaders(options: { messageId: string; body: string | Uint8Array; at?: Date }): Record<string, string> {
  const { privateKey, publicKey } = getPlatformKeyPair();
  const timestamp = String((options.at ?? new Date()).getTime());
  const canonical = platformCanonicalString({ messageId: options.messageId, timestamp, bodySm3Hex: sm3BodyHex(options.body) });
  return {
    [PLATFORM_HEADERS.messageId]: options.messageId,
    [PLATFORM_HEADERS.timestamp]: timestamp,
    [PLATFORM_HEADERS.signature]: sm2Sign(privateKey, publicKey, canonical),
  };
}

export type PlatformSignatureVerifier = (options: PlatformSignatureHeaders & { body: Uint8Array | string }) => boolean;

/**
 * A verifier for one platform public key. The key's point is precomputed once, which makes each verification
 * several times faster than sm2Verify (the import client checks every message it receives).
 */
export function createPlatformVerifier(publicKeyHex: string): PlatformSignatureVerifier {
  const point = sm2.precomputePublicKey(publicKeyHex);
  return ({ messageId, timestamp, signature, body }) => {
    if (!/^\d{1,16}$/.test(timestamp) || !/^[0-9a-fA-F]+$/.test(signature)) return false;
    const canonical = platformCanonicalString({ messageId, timestamp, bodySm3Hex: sm3BodyHex(body) });
    try {
      return sm2.doVerifySignature(canonical, signature.toLowerCase(), point, { der: true, hash: true, userId: SM2_DEFAULT_USER_ID });
    } catch {
      return false;
    }
  };
}

/** One-off verification (the import client keeps a verifier from createPlatformVerifier instead). */
export function verifyPlatformSignature(options: PlatformSignatureHeaders & { body: Uint8Array | string; publicKey: string }): boolean {
  const { publicKey, ...rest } = options;
  return createPlatformVerifier(publicKey)(rest);
}
