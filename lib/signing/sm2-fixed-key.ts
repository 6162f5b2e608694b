// SM2 with one fixed key, server side: Z = SM3(ENTL ‖ ID ‖ a ‖ b ‖ Gx ‖ Gy ‖ Px ‖ Py) depends only on the
// public key and the user id, so it is computed once per key, and e = SM3(Z ‖ M) goes through OpenSSL's SM3
// (node:crypto). sm-crypto-v2 then signs or verifies e itself (hash: false). The result is the same signature
// scheme as sm2Sign/sm2Verify (lib/crypto/sm2.ts), which stay for the browser and one-off keys.
import { createHash } from "node:crypto";
import { sm2 } from "sm-crypto-v2";
import { SM2_DEFAULT_USER_ID, sm2SignDigest, type SmInput } from "@/lib/crypto/sm2";

export type Sm2DigestOf = (message: SmInput) => Buffer;

/** e = SM3(Z ‖ M) for one public key (04‖x‖y, hex) and user id, Z computed here once. */
export function sm2DigestFor(publicKeyHex: string, userId = SM2_DEFAULT_USER_ID): Sm2DigestOf {
  const z = sm2.getZ(publicKeyHex.toLowerCase(), userId);
  return (message) => createHash("sm3").update(z).update(message).digest();
}

/** Signs messages with one key pair; returns DER signatures as hex. */
export function createSm2Signer(keyPair: { privateKey: string; publicKey: string }): (message: SmInput) => string {
  const digestOf = sm2DigestFor(keyPair.publicKey);
  return (message) => sm2SignDigest(keyPair.privateKey, digestOf(message));
}

/** Verifies a DER signature (hex) over a 32-byte digest e with a public key whose point is precomputed once. */
export function createSm2DigestVerifier(publicKeyHex: string): (digest: Uint8Array, signatureHex: string) => boolean {
  const point = sm2.precomputePublicKey(publicKeyHex.toLowerCase());
  return (digest, signatureHex) => {
    try {
      return sm2.doVerifySignature(digest, signatureHex.toLowerCase(), point, { der: true, hash: false });
    } catch {
      return false;
    }
  };
}
