// SM2 public keys in the containers a card or the e-port client hands out: X.509 certificates and bare
// SubjectPublicKeyInfo (our development emulator's stand-in for a certificate), as DER, PEM or bare base64.
// A key is accepted only on the SM2 curve; a certificate only signed SM2-with-SM3 and valid at the time.
import { CardError } from "@/lib/card/errors";
import { bytesToHex, hexToBytes, isSm2PublicKey } from "@/lib/crypto/sm2";
import { formatShanghaiDateTime } from "@/lib/time/shanghai";

// AlgorithmIdentifier { id-ecPublicKey (1.2.840.10045.2.1), sm2p256v1 (1.2.156.10197.1.301) } as GM/T 0015 uses it.
const EC_PUBLIC_KEY_OID = "06072a8648ce3d0201";
const SM2_CURVE_OID = "06082a811ccf5501822d";
// sm2sign-with-sm3 (1.2.156.10197.1.501), GM/T 0006.
const SM2_WITH_SM3_OID = "06082a811ccf55018375";
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

/** Why a certificate is refused, for callers that word it themselves (lib/cards/register-card.ts). */
export type CertificateProblem = "MALFORMED" | "NOT_SM2" | "NOT_SM3_SIGNED" | "KEY_OFF_CURVE" | "NOT_YET_VALID" | "EXPIRED";

export class CertificateError extends CardError {
  constructor(
    code: "NOT_SUPPORTED" | "CARD_FAILURE",
    detail: string,
    readonly problem: CertificateProblem,
    /** The validity bound passed (NOT_YET_VALID, EXPIRED). */
    readonly at?: Date,
  ) {
    super(code, { detail });
  }
}

export interface ParsedSm2Key {
  publicKeyHex: string;
  /** Whether the DER was a whole certificate (else a bare SubjectPublicKeyInfo). */
  isCertificate: boolean;
  /** A certificate's validity period. */
  validity?: { notBefore: Date; notAfter: Date };
}

/** Finds the SM2 public key in an X.509 certificate (valid at `now`) or a SubjectPublicKeyInfo. */
export function sm2PublicKeyFromDer(der: Uint8Array, now: Date = new Date()): ParsedSm2Key {
  const top = children(readElement(der, 0));
  if (top[0]?.tag === 0x30 && bytesToHex(top[0].value).startsWith(EC_PUBLIC_KEY_OID)) {
    return { publicKeyHex: spkiPublicKey(der), isCertificate: false };
  }
  // Certificate ::= SEQUENCE { tbsCertificate, … }; tbsCertificate ::= SEQUENCE { [0] version OPTIONAL,
  // serialNumber, signature, issuer, validity, subject, subjectPublicKeyInfo, … }
  const tbs = top[0]?.tag === 0x30 ? children(top[0]) : [];
  const fields = tbs[0]?.tag === 0xa0 ? tbs.slice(1) : tbs;
  const [signature, , validityElement, , spki] = fields.slice(1);
  if (!spki || spki.tag !== 0x30 || signature?.tag !== 0x30 || validityElement?.tag !== 0x30) throw certificateError();
  const publicKeyHex = spkiPublicKey(spki.whole);
  if (!bytesToHex(signature.value).startsWith(SM2_WITH_SM3_OID)) {
    throw new CertificateError("NOT_SUPPORTED", "the certificate is not signed with SM2-with-SM3", "NOT_SM3_SIGNED");
  }
  const [notBefore, notAfter] = children(validityElement).map(readTime);
  if (!notBefore || !notAfter) throw certificateError();
  if (now < notBefore)
    throw new CertificateError("CARD_FAILURE", `certificate not valid before ${formatShanghaiDateTime(notBefore)}`, "NOT_YET_VALID", notBefore);
  if (now > notAfter) throw new CertificateError("CARD_FAILURE", `certificate expired on ${formatShanghaiDateTime(notAfter)}`, "EXPIRED", notAfter);
  return { publicKeyHex, isCertificate: true, validity: { notBefore, notAfter } };
}

/** UTCTime (YYMMDDHHMMSSZ, 1950–2049) or GeneralizedTime (YYYYMMDDHHMMSSZ), as RFC 5280 §4.1.2.5 allows them. */
function readTime(element: DerElement): Date {
  const text = new TextDecoder().decode(element.value);
  const match = element.tag === 0x17 ? /^(\d{2})(\d{10})Z$/.exec(text) : element.tag === 0x18 ? /^(\d{4})(\d{10})Z$/.exec(text) : null;
  if (!match) throw certificateError();
  const digits = `${match[1].length === 4 ? "" : Number(match[1]) < 50 ? "20" : "19"}${match[1]}${match[2]}`;
  const at = new Date(
    `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}T${digits.slice(8, 10)}:${digits.slice(10, 12)}:${digits.slice(12)}Z`,
  );
  if (Number.isNaN(at.getTime())) throw certificateError();
  return at;
}

function spkiPublicKey(spkiDer: Uint8Array): string {
  const [algorithm, key] = children(readElement(spkiDer, 0));
  if (algorithm?.tag !== 0x30 || bytesToHex(algorithm.value) !== EC_PUBLIC_KEY_OID + SM2_CURVE_OID) {
    throw new CertificateError("NOT_SUPPORTED", "not an SM2 certificate", "NOT_SM2");
  }
  // BIT STRING: 00 (no unused bits) ‖ 04 ‖ X ‖ Y
  if (key?.tag !== 0x03 || key.value.length !== 66 || key.value[0] !== 0 || key.value[1] !== 0x04) {
    throw certificateError();
  }
  const publicKeyHex = bytesToHex(key.value.subarray(1));
  if (!isSm2PublicKey(publicKeyHex))
    throw new CertificateError("CARD_FAILURE", "the certificate's public key is not on the SM2 curve", "KEY_OFF_CURVE");
  return publicKeyHex;
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
  for (let offset = 0; offset < element.value.length;) {
    const child = readElement(element.value, offset);
    result.push(child);
    offset += child.whole.length;
  }
  return result;
}

const certificateError = () => new CertificateError("CARD_FAILURE", "malformed certificate: no SM2 public key can be read", "MALFORMED");
