import { describe, expect, it } from "vitest";
import { pemToDer, sm2PublicKeyFromDer, sm2PublicKeyToSpki, toPem } from "@/lib/card/certificate";
import { bytesToHex } from "@/lib/crypto/sm2";

// A self-signed SM2 certificate made by OpenSSL 3.0 (`openssl req -x509 -sm3 …`) and its key.
const OPENSSL_CERT = `-----BEGIN CERTIFICATE-----
MIIBozCCAUmgAwIBAgIUcftxiAN6U1+ZHVkTYH0637B9ZbQwCgYIKoEcz1UBg3Uw
JzEWMBQGA1UEAwwNODYwMDAwMDkwMDAwMTENMAsGA1UECgwEVGVzdDAeFw0yNjEx
MjcyMjI4MDdaFw0zNjExMjQyMjI4MDdaMCcxFjAUBgNVBAMMDTg2MDAwMDA5MDAw
MDExDTALBgNVBAoMBFRlc3QwWTATBgcqhkjOPQIBBggqgRzPVQGCLQNCAARS3NnD
ZCJhdiqx7z49sxWsw9bA88m9Wz5IGyCHNvY1jgrad2oNW/Mt8uLAL/lo19T5eBxL
at9ow+haANH20up4o1MwUTAdBgNVHQ4EFgQUpS/7zgXDF8FseQ78N88OaF+UIHQw
HwYDVR0jBBgwFoAUpS/7zgXDF8FseQ78N88OaF+UIHQwDwYDVR0TAQH/BAUwAwEB
/zAKBggqgRzPVQGDdQNIADBFAiEA3n+2iFjfstBpP+tyq6txXfHAL3YQvU7Ps4mI
D+347o4CIFWShaVyd13PFFRKD1PJQH86KviYMHsKlFAx0s4ABi5/
-----END CERTIFICATE-----`;
const OPENSSL_KEY =
  "0452dcd9c3642261762ab1ef3e3db315acc3d6c0f3c9bd5b3e481b208736f6358e0ada776a0d5bf32df2e2c02ff968d7d4f9781c4b6adf68c3e85a00d1f6d2ea78";

describe("SM2 public key containers", () => {
  it("finds the public key in an X.509 certificate", () => {
    expect(sm2PublicKeyFromDer(pemToDer(OPENSSL_CERT))).toEqual({ publicKeyHex: OPENSSL_KEY, isCertificate: true });
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
});
