// The platform signature headers of a message (§6, R14) as a reviewer inspects them. Each attempt is signed
// afresh and the headers are not stored; the X-SW-Timestamp of an attempt is its start (post-message.ts signs
// with at: startedAt), so the canonical string of an attempt is rebuilt exactly. SM2 signatures are randomised:
// the signature shown is a new one over that same string, verified here against the platform's public key, which
// is what the import client does with the bytes stored for the message.
import { getPlatformKeyPair } from "@/lib/signing/platform-key";
import { PLATFORM_HEADERS, platformCanonicalString, signPlatformHeaders, sm3BodyHex, verifyPlatformSignature } from "@/lib/signing/platform";

export interface SignatureHeadersCheck {
  /** The attempt start the timestamp header stands for. */
  at: Date;
  headers: { name: string; value: string }[];
  bodySm3Hex: string;
  canonical: string;
  publicKey: string;
  verified: boolean;
}

export function checkSignatureHeaders(options: { messageId: string; body: string; at: Date }): SignatureHeadersCheck {
  const { messageId, body, at } = options;
  const signed = signPlatformHeaders({ messageId, body, at });
  const timestamp = signed[PLATFORM_HEADERS.timestamp];
  const signature = signed[PLATFORM_HEADERS.signature];
  const { publicKey } = getPlatformKeyPair();
  const bodySm3Hex = sm3BodyHex(body);
  return {
    at,
    headers: Object.values(PLATFORM_HEADERS).map((name) => ({ name, value: signed[name] })),
    bodySm3Hex,
    canonical: platformCanonicalString({ messageId, timestamp, bodySm3Hex }),
    publicKey,
    verified: verifyPlatformSignature({ messageId: signed[PLATFORM_HEADERS.messageId], timestamp, signature, body, publicKey }),
  };
}
