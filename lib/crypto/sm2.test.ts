import { sm2 } from "sm-crypto-v2";
import { describe, expect, it } from "vitest";
import {
  bytesToHex,
  hexToBytes,
  sm2KeyPair,
  sm2Sign,
  sm2SignDigest,
  sm2SignatureDerToRaw,
  sm2SignatureRawToDer,
  sm2SigningDigest,
  sm2Verify,
  sm3Hex,
} from "@/lib/crypto/sm2";

describe("SM3 (GB/T 32905-2016 Appendix A)", () => {
  it('hashes "abc"', () => {
    expect(sm3Hex("abc")).toBe("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
  });

  it('hashes the 64-byte "abcd" × 16', () => {
    expect(sm3Hex("abcd".repeat(16))).toBe("debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732");
  });
});

// GM/T 0003.5-2012 (GB/T 32918.5-2017) Appendix A: signature on the recommended curve, ID 1234567812345678.
const standard = {
  privateKey: "3945208f7b2144b13f36e38ac6d39f95889393692860b51a42fb81ef4df7c5b8",
  publicKey:
    "04" + "09f9df311e5421a150dd7d161e4bc5c672179fad1833fc076bb08ff356f35020" + "ccea490ce26775a52dc6ea718cc1aa600aed05fbf35e084a6632f6072da9ad13",
  message: "message digest",
  z: "b2e14c5c79c6df5b85f4fe7ed8db7a262b9da7e07ccb0ea9f4747b8ccda8a4f3",
  e: "f0b43e94ba45accaace692ed534382eb17e6ab5a19ce7b31f4486fdfc0d28640",
  k: "59276e27d506861a16680f3ad9c02dccef3cc1fa3cdbe4ce6d54b80deac1bc21",
  r: "f5a03b0648d2c4630eeac513e1bb81a15944da3827d5b74143ac7eaceee720b3",
  s: "b1b6aa29df212fd8763182bc0d421ca1bb9038fd1f7f42d4840b69c485bbc1aa",
};
// The same signature DER-encoded (both integers need a leading 00: their top bit is set).
const standardDer = `3046022100${standard.r}022100${standard.s}`;

describe("SM2 (GM/T 0003.5-2012 Appendix A example)", () => {
  it("derives the public key from the private key", () => {
    expect(sm2KeyPair(standard.privateKey).publicKey).toBe(standard.publicKey);
  });

  it("computes Z and e = SM3(Z ‖ M) with the default user id", () => {
    expect(bytesToHex(sm2.getZ(standard.publicKey))).toBe(standard.z);
    expect(bytesToHex(sm2SigningDigest(standard.publicKey, standard.message))).toBe(standard.e);
  });

  it("reproduces the published (r, s) with the published k", () => {
    const [, x1] = /^04([0-9a-f]{64})/.exec(sm2KeyPair(standard.k).publicKey) ?? [];
    const signature = sm2.doSignature(hexToBytes(standard.e), standard.privateKey, {
      hash: false,
      pointPool: [{ k: BigInt(`0x${standard.k}`), x1: BigInt(`0x${x1}`) }],
    });
    expect(signature).toBe(standard.r + standard.s);
  });

  it("verifies the published signature and rejects it for another message", () => {
    expect(sm2Verify(standard.publicKey, standard.message, standardDer)).toBe(true);
    expect(sm2Verify(standard.publicKey, "message digesT", standardDer)).toBe(false);
  });
});

// Made with OpenSSL 3.0: `openssl pkeyutl -sign -rawin -digest sm3 -pkeyopt distid:1234567812345678`.
const openssl = {
  privateKey: "9dd30282b65cdd76d34f1254a26aa052e6beaf2c85098481d31af27f4d911721",
  publicKey: "0452dcd9c3642261762ab1ef3e3db315acc3d6c0f3c9bd5b3e481b208736f6358e0ada776a0d5bf32df2e2c02ff968d7d4f9781c4b6adf68c3e85a00d1f6d2ea78",
  message: "sw-card OpenSSL interop vector",
  signature:
    "304502204c3ab6958f890c67458013d2a5ec818510a39f710b9a700bc189b2397d75bc990221009dc78b534ad3c6dfc499a5df9bdbb54fbae2d09a8070f09b771d9887df4e4880",
};

describe("SM2 interoperability with OpenSSL", () => {
  it("verifies a signature made by OpenSSL", () => {
    expect(sm2KeyPair(openssl.privateKey).publicKey).toBe(openssl.publicKey);
    expect(sm2Verify(openssl.publicKey, openssl.message, openssl.signature)).toBe(true);
  });
});

describe("SM2 sign/verify", () => {
  const key = sm2KeyPair(sm3Hex("sm2 test key"));
  const message = new TextEncoder().encode('{"action":"subscribe","manual":"B32019300012"}');

  it("round-trips, host-side digest signing included", () => {
    expect(sm2Verify(key.publicKey, message, sm2Sign(key.privateKey, key.publicKey, message))).toBe(true);
    const cardStyle = sm2SignDigest(key.privateKey, sm2SigningDigest(key.publicKey, message));
    expect(sm2Verify(key.publicKey, message, cardStyle)).toBe(true);
  });

  it("rejects a tampered message, another key and garbage", () => {
    const signature = sm2Sign(key.privateKey, key.publicKey, message);
    const tampered = Uint8Array.from(message);
    tampered[3] ^= 1;
    expect(sm2Verify(key.publicKey, tampered, signature)).toBe(false);
    expect(sm2Verify(sm2KeyPair(sm3Hex("other key")).publicKey, message, signature)).toBe(false);
    expect(sm2Verify(key.publicKey, message, "3000")).toBe(false);
  });

  it("converts between DER and raw r‖s", () => {
    expect(sm2SignatureDerToRaw(standardDer)).toBe(standard.r + standard.s);
    expect(sm2SignatureRawToDer(standard.r + standard.s)).toBe(standardDer);
    // Short integers: no 00 pad when the top bit is clear, leading zero bytes dropped, and back.
    const raw = `${"00".repeat(31)}01${"7f".repeat(32)}`;
    const der = `3025020101${"0220"}${"7f".repeat(32)}`;
    expect(sm2SignatureRawToDer(raw)).toBe(der);
    expect(sm2SignatureDerToRaw(der)).toBe(raw);
    expect(() => sm2SignatureDerToRaw("3006020101020101ff")).toThrow();
  });
});
