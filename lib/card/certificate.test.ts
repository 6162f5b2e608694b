import { describe, expect, it } from "vitest";
import { pemToDer, sm2PublicKeyFromDer, sm2PublicKeyToSpki, toPem } from "@/lib/card/certificate";
import { bytesToHex, hexToBytes } from "@/lib/crypto/sm2";
import {
  DATED_SM2_CERTIFICATES_KEY,
  EXPIRED_SM2_CERTIFICATE,
  FUTURE_SM2_CERTIFICATE,
  P256_CERTIFICATE,
  SM2_CERTIFICATE as OPENSSL_CERT,
  SM2_CERTIFICATE_KEY as OPENSSL_KEY,
} from "@/tests/support/certificates";

describe("SM2 public key containers", () => {
  it("finds the public key in an X.509 certificate", () => {
    expect(sm2PublicKeyFromDer(pemToDer(OPENSSL_CERT))).toEqual({
      publicKeyHex: OPENSSL_KEY,
      isCertificate: true,
      validity: { notBefore: new Date("2026-11-27T22:28:07Z"), notAfter: new Date("2036-11-24T22:28:07Z") },
    });
  });

  it("encodes an SPKI the way OpenSSL does and reads it back from PEM or bare base64", () => {
    const spki = sm2PublicKeyToSpki(OPENSSL_KEY);
    // OpenSSL's SubjectPublicKeyInfo of this key is embedded in the certificate above.
    expect(bytesToHex(pemToDer(OPENSSL_CERT))).toContain(bytesToHex(spki));
    const pem = toPem("PUBLIC KEY", spki);
    expect(pem).toMatch(/^-----BEGIN PUBLIC KEY-----\n[A-Za-z0-9+/=\n]+\n-----END PUBLIC KEY-----\n$/);
    expect(sm2PublicKeyFromDer(pemToDer(pem))).toEqual({ publicKeyHex: OPENSSL_KEY, isCertificate: false });
    const bare = pem.split("\n").slice(1, -2).join("");
    expect(sm2PublicKeyFromDer(pemToDer(bare)).publicKeyHex).toBe(OPENSSL_KEY);
  });

  it("rejects non-SM2 keys and garbage", () => {
    const p256 = sm2PublicKeyToSpki(OPENSSL_KEY);
    p256[p256.length - 65 - 3 - 2] ^= 1; // corrupt the curve OID
    expect(() => sm2PublicKeyFromDer(p256)).toThrow(expect.objectContaining({ code: "NOT_SUPPORTED" }));
    expect(() => sm2PublicKeyFromDer(Uint8Array.of(0x30, 0x05, 0x01))).toThrow(expect.objectContaining({ code: "CARD_FAILURE" }));
    expect(() => pemToDer("not base64!")).toThrow(expect.objectContaining({ code: "CARD_FAILURE" }));
  });

  it("refuses a key off the SM2 curve, in a SubjectPublicKeyInfo or a certificate", () => {
    const offCurve = `04${"11".repeat(64)}`;
    expect(() => sm2PublicKeyFromDer(hexToBytes(`3059301306072a8648ce3d020106082a811ccf5501822d034200${offCurve}`))).toThrow(
      expect.objectContaining({ code: "CARD_FAILURE", detail: "the certificate's public key is not on the SM2 curve" }),
    );
    const certificate = bytesToHex(pemToDer(OPENSSL_CERT)).replace(OPENSSL_KEY, offCurve);
    expect(() => sm2PublicKeyFromDer(hexToBytes(certificate))).toThrow(
      expect.objectContaining({ detail: "the certificate's public key is not on the SM2 curve" }),
    );
  });

  it("refuses a certificate that is not SM2 (ECDSA P-256 with SHA-256)", () => {
    expect(() => sm2PublicKeyFromDer(pemToDer(P256_CERTIFICATE))).toThrow(
      expect.objectContaining({ code: "NOT_SUPPORTED", detail: "not an SM2 certificate" }),
    );
    // An SM2 key in a certificate signed with another algorithm: the signature OID changed to ecdsa-with-SHA256.
    const sm2KeySha256 = bytesToHex(pemToDer(OPENSSL_CERT)).replace("300a06082a811ccf55018375", "300a06082a8648ce3d040302");
    expect(() => sm2PublicKeyFromDer(hexToBytes(sm2KeySha256))).toThrow(
      expect.objectContaining({ detail: "the certificate is not signed with SM2-with-SM3" }),
    );
  });

  it("refuses an expired or not yet valid certificate, and reads UTCTime and GeneralizedTime validity", () => {
    expect(() => sm2PublicKeyFromDer(pemToDer(EXPIRED_SM2_CERTIFICATE))).toThrow(
      expect.objectContaining({ code: "CARD_FAILURE", detail: "certificate expired on 2021-01-01 08:00:00" }),
    );
    expect(() => sm2PublicKeyFromDer(pemToDer(FUTURE_SM2_CERTIFICATE))).toThrow(
      expect.objectContaining({ detail: "certificate not valid before 2090-01-01 08:00:00" }),
    );
    expect(sm2PublicKeyFromDer(pemToDer(EXPIRED_SM2_CERTIFICATE), new Date("2020-06-01T00:00:00Z"))).toEqual({
      publicKeyHex: DATED_SM2_CERTIFICATES_KEY,
      isCertificate: true,
      validity: { notBefore: new Date("2020-01-01T00:00:00Z"), notAfter: new Date("2021-01-01T00:00:00Z") },
    });
    expect(sm2PublicKeyFromDer(pemToDer(FUTURE_SM2_CERTIFICATE), new Date("2090-06-01T00:00:00Z")).validity).toEqual({
      notBefore: new Date("2090-01-01T00:00:00Z"),
      notAfter: new Date("2091-01-01T00:00:00Z"),
    });
  });
});
