// SM2 public keys in the containers a card or the e-port client hands out: X.509 certificates and bare
// SubjectPublicKeyInfo (our development emulator's stand-in for a certificate), as DER, PEM or bare base64.
import { CardError } from "@/lib/card/errors";
import { bytesToHex, hexToBytes } from "@/lib/crypto/sm2";

// AlgorithmIdentifier { id-ecPublicKey (1.2.840.10045.2.1), sm2p256v1 (1.2.156.10197.1.301) } as GM/T 0015 uses it.
const EC_PUBLIC_KEY_OID = "06072a8648ce3d0201";
const SM2_CURVE_OID = "06082a811ccf5501822d";
const SPKI_PREFIX = `3059301306072a8648ce3d020106082a811ccf5501822d034200`;

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64.replace(/\s+/g, ""));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

/** DER SubjectPublicKeyInfo of an uncompressed SM2 public key (hex 04‖X‖Y). */
export function sm2PublicKeyToSpki(publicKeyHex: string): Uint8Array {
  if (!/^04[0-9a-f]{128}$/i.test(publicKeyHex)) throw new RangeError("expected an uncompressed SM2 public key");
  return hexToBytes(SPKI_PREFIX + publicKeyHex.toLowerCase());
}

export function toPem(label: "CERTIFICATE" | "PUBLIC KEY", der: Uint8Array): string {
  const lines = bytesToBase64(der).match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join("\n")}\n-----END ${label}-----\n`;
}

/** DER from an armored PEM block or from bare base64 (the e-port client returns the latter). */
export function pemToDer(pem: string): Uint8Array {
  const body = pem.replace(/-----(BEGIN|END) [A-Z ]+-----/g, "");
  try {
    return base64ToBytes(body);
  } catch {
    throw certificateError();
  }
}

export interface ParsedSm2Key {
  publicKeyHex: string;
  /** Whether the DER was a whole certificate (else a bare SubjectPublicKeyInfo). */
  isCertificate: boolean;
}

/** Finds the SM2 public key in an X.509 certificate or a SubjectPublicKeyInfo. */
export function sm2PublicKeyFromDer(der: Uint8Array): ParsedSm2Key {
  const top = children(readElement(der, 0));
  if (top[0]?.tag === 0x30 && bytesToHex(top[0].value).startsWith(EC_PUBLIC_KEY_OID)) {
    return { publicKeyHex: spkiPublicKey(der), isCertificate: false };
  }
  // Certificate ::= SEQUENCE { tbsCertificate, … }; tbsCertificate ::= SEQUENCE { [0] version OPTIONAL,
  // serialNumber, signature, issuer, validity, subject, subjectPublicKeyInfo, … }
  const tbs = top[0]?.tag === 0x30 ? children(top[0]) : [];
  const fields = tbs[0]?.tag === 0xa0 ? tbs.slice(1) : tbs;
  const spki = fields[5];
  if (!spki || spki.tag !== 0x30) throw certificateError();
  return { publicKeyHex: spkiPublicKey(spki.whole), isCertificate: true };
}

function spkiPublicKey(spkiDer: Uint8Array): string {
  const [algorithm, key] = children(readElement(spkiDer, 0));
  if (algorithm?.tag !== 0x30 || bytesToHex(algorithm.value) !== EC_PUBLIC_KEY_OID + SM2_CURVE_OID) {
    throw new CardError("NOT_SUPPORTED", { detail: "证书不是 SM2 证书" });
  }
  // BIT STRING: 00 (no unused bits) ‖ 04 ‖ X ‖ Y
  if (key?.tag !== 0x03 || key.value.length !== 66 || key.value[0] !== 0 || key.value[1] !== 0x04) {
    throw certificateError();
  }
  return bytesToHex(key.value.subarray(1));
}

interface DerElement {
  tag: number;
  value: Uint8Array;
  whole: Uint8Array;
}

function readElement(bytes: Uint8Array, offset: number): DerElement {
  const tag = bytes[offset];
  let length = bytes[offset + 1];
  let header = 2;
  if (length === undefined) throw certificateError();
  if (length & 0x80) {
    const octets = length & 0x7f;
    if (octets < 1 || octets > 3) throw certificateError();
    length = 0;
    for (let i = 0; i < octets; i++) length = (length << 8) | (bytes[offset + 2 + i] ?? 0);
    header += octets;
  }
  const end = offset + header + length;
  if (end > bytes.length) throw certificateError();
  return { tag, value: bytes.subarray(offset + header, end), whole: bytes.subarray(offset, end) };
}

function children(element: DerElement): DerElement[] {
  const result: DerElement[] = [];
  for (let offset = 0; offset < element.value.length; ) {
    const child = readElement(element.value, offset);
    result.push(child);
    offset += child.whole.length;
  }
  return result;
}

const certificateError = () => new CardError("CARD_FAILURE", { detail: "证书格式错误" });
