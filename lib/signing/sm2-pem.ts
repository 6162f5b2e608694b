// SubjectPublicKeyInfo of an SM2 public key (id-ecPublicKey with the SM2 curve OID 1.2.156.10197.1.301),
// PEM-encoded, as OpenSSL 3 reads and writes it: `openssl pkey -pubin -in platform.pem -text`.
import { hexToBytes } from "@/lib/crypto/sm2";

// SEQUENCE { SEQUENCE { OID 1.2.840.10045.2.1, OID 1.2.156.10197.1.301 }, BIT STRING (65 bytes, uncompressed) }
const SPKI_PREFIX_HEX = "3059301306072a8648ce3d020106082a811ccf5501822d034200";

export function sm2PublicKeyToPem(publicKeyHex: string): string {
  if (!/^04[0-9a-f]{128}$/i.test(publicKeyHex)) throw new Error("expected an uncompressed SM2 public key (04‖x‖y)");
  const base64 = Buffer.from(hexToBytes(SPKI_PREFIX_HEX + publicKeyHex.toLowerCase())).toString("base64");
  const lines = base64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN PUBLIC KEY-----\n${lines.join("\n")}\n-----END PUBLIC KEY-----\n`;
}
