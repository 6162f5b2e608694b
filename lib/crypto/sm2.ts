// SM2 signatures with SM3 (GM/T 0003 / GM/T 0004) through sm-crypto-v2; isomorphic (browser and server).
// Signatures are DER-encoded; the user id defaults to GM/T 0009's 1234567812345678.
import { sm2, sm3 } from "sm-crypto-v2";

export const SM2_DEFAULT_USER_ID = "1234567812345678";

export type SmInput = Uint8Array | string;

const toBytes = (input: SmInput): Uint8Array => (typeof input === "string" ? new TextEncoder().encode(input) : input);

export const bytesToHex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");

export const hexToBytes = (hex: string): Uint8Array => sm2.hexToArray(hex);

/** SM3 digest as lower-case hex. */
export function sm3Hex(input: SmInput): string {
  return sm3(toBytes(input));
}

/** e = SM3(Z ‖ M): the 32-byte digest a card signs (Z from the signer's public key and user id). */
export function sm2SigningDigest(publicKeyHex: string, message: SmInput): Uint8Array {
  return hexToBytes(sm2.getHash(toBytes(message), publicKeyHex, SM2_DEFAULT_USER_ID));
}

/** Sign a message (Z and e computed here). Returns a DER signature as hex. */
export function sm2Sign(privateKeyHex: string, publicKeyHex: string, message: SmInput): string {
  return sm2.doSignature(toBytes(message), privateKeyHex, {
    der: true,
    hash: true,
    publicKey: publicKeyHex,
    userId: SM2_DEFAULT_USER_ID,
  });
}

/** Sign an already computed 32-byte digest e, as a card does. Returns a DER signature as hex. */
export function sm2SignDigest(privateKeyHex: string, digest: Uint8Array): string {
  if (digest.length !== 32) throw new Error("SM2 digest must be 32 bytes");
  return sm2.doSignature(digest, privateKeyHex, { der: true, hash: false });
}

/** Verify a DER signature (hex) over a message with the signer's public key (hex, uncompressed 04…). */
export function sm2Verify(publicKeyHex: string, message: SmInput, signatureHex: string): boolean {
  try {
    return sm2.doVerifySignature(toBytes(message), signatureHex, publicKeyHex, {
      der: true,
      hash: true,
      userId: SM2_DEFAULT_USER_ID,
    });
  } catch {
    return false;
  }
}

/** An uncompressed SM2 public key (04‖x‖y) whose point lies on the curve and is not the identity
 * (@noble/curves' point validation; SM2's cofactor is 1, so such a point is in the signing group). */
export function isSm2PublicKey(publicKeyHex: string): boolean {
  if (!/^04[0-9a-fA-F]{128}$/.test(publicKeyHex)) return false;
  try {
    return sm2.verifyPublicKey(publicKeyHex.toLowerCase());
  } catch {
    return false;
  }
}

/** Key pair from a 32-byte private key (hex), or a random one. */
export function sm2KeyPair(privateKeyHex?: string): { privateKey: string; publicKey: string } {
  if (!privateKeyHex) return sm2.generateKeyPairHex();
  return { privateKey: privateKeyHex, publicKey: sm2.getPublicKeyFromPrivateKey(privateKeyHex) };
}

/** DER SEQUENCE { r INTEGER, s INTEGER } (hex) from a raw r‖s signature (64 bytes, hex), as e-port clients give. */
export function sm2SignatureRawToDer(rawHex: string): string {
  const raw = hexToBytes(rawHex);
  if (raw.length !== 64) throw new Error("raw SM2 signature must be 64 bytes");
  const integer = (value: Uint8Array): number[] => {
    let start = 0;
    while (start < value.length - 1 && value[start] === 0) start++;
    const body = Array.from(value.subarray(start));
    if (body[0] & 0x80) body.unshift(0); // keep the INTEGER positive
    return [0x02, body.length, ...body];
  };
  const content = [...integer(raw.subarray(0, 32)), ...integer(raw.subarray(32))];
  return bytesToHex(new Uint8Array([0x30, content.length, ...content]));
}

/** Raw r‖s (64 bytes, hex) from a DER SM2 signature (hex). */
export function sm2SignatureDerToRaw(derHex: string): string {
  const der = hexToBytes(derHex);
  const fail = (): never => {
    throw new Error("malformed DER SM2 signature");
  };
  if (der[0] !== 0x30 || der[1] !== der.length - 2) fail();
  let offset = 2;
  const coordinate = (): string => {
    if (der[offset] !== 0x02) fail();
    const length = der[offset + 1];
    const value = der.subarray(offset + 2, offset + 2 + length);
    if (length === 0 || value.length !== length) fail();
    offset += 2 + length;
    let start = 0;
    while (start < value.length - 1 && value[start] === 0) start++;
    if (value.length - start > 32) fail();
    return bytesToHex(value.subarray(start)).padStart(64, "0");
  };
  const r = coordinate();
  const s = coordinate();
  if (offset !== der.length) fail();
  return r + s;
}
