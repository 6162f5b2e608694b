import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { bytesToHex, sm2KeyPair, sm2SigningDigest, sm2Verify, sm3Hex } from "@/lib/crypto/sm2";
import { sm2PublicKeyToPem } from "./sm2-pem";
import { createSm2DigestVerifier, createSm2Signer, sm2DigestFor } from "./sm2-fixed-key";

// GM/T 0003.5-2012 Appendix A: the public key, message and e = SM3(Z ‖ M) with ID 1234567812345678.
const standard = {
  publicKey: "0409f9df311e5421a150dd7d161e4bc5c672179fad1833fc076bb08ff356f35020ccea490ce26775a52dc6ea718cc1aa600aed05fbf35e084a6632f6072da9ad13",
  message: "message digest",
  e: "f0b43e94ba45accaace692ed534382eb17e6ab5a19ce7b31f4486fdfc0d28640",
};

describe("cached Z with OpenSSL's SM3", () => {
  it("gives the standard's e = SM3(Z ‖ M), as the JavaScript path does", () => {
    const digestOf = sm2DigestFor(standard.publicKey);
    expect(bytesToHex(digestOf(standard.message))).toBe(standard.e);
    expect(bytesToHex(digestOf(new TextEncoder().encode(standard.message)))).toBe(standard.e);
    const other = "SW-PUSH-V1\n20260000000000000001\n1772690531123\n" + "ab".repeat(32);
    expect(bytesToHex(digestOf(other))).toBe(bytesToHex(sm2SigningDigest(standard.publicKey, other)));
  });

  it("is a different Z for another key or another user id", () => {
    const e = bytesToHex(sm2DigestFor(standard.publicKey)(standard.message));
    expect(bytesToHex(sm2DigestFor(sm2KeyPair(sm3Hex("other key")).publicKey)(standard.message))).not.toBe(e);
    expect(bytesToHex(sm2DigestFor(standard.publicKey, "1234567812345679")(standard.message))).not.toBe(e);
  });
});

describe("fixed-key signer and verifier", () => {
  const key = sm2KeyPair(sm3Hex("fixed key test"));
  const sign = createSm2Signer(key);
  const message = "SW-PUSH-V1\n20260000000000000001\n1772690531123\n" + "cd".repeat(32);

  it("signs what plain sm-crypto-v2 verification accepts, and verifies what sm2Sign-style signatures are", () => {
    const verifyDigest = createSm2DigestVerifier(key.publicKey);
    const digestOf = sm2DigestFor(key.publicKey);
    for (let i = 0; i < 5; i++) {
      const signature = sign(message);
      expect(signature).toMatch(/^30[0-9a-f]+$/);
      expect(sm2Verify(key.publicKey, message, signature)).toBe(true);
      expect(sm2Verify(key.publicKey, `${message} `, signature)).toBe(false);
      expect(verifyDigest(digestOf(message), signature)).toBe(true);
      expect(verifyDigest(digestOf(`${message} `), signature)).toBe(false);
    }
    expect(createSm2DigestVerifier(sm2KeyPair().publicKey)(digestOf(message), sign(message))).toBe(false);
    expect(verifyDigest(digestOf(message), "3000")).toBe(false);
  });

  let hasOpenssl = true;
  try {
    execFileSync("openssl", ["version"]);
  } catch {
    hasOpenssl = false;
  }
  it.skipIf(!hasOpenssl)("signs what OpenSSL 3 verifies (SM2/SM3, distid 1234567812345678)", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "sw-sm2-fixed-"));
    writeFileSync(path.join(dir, "key.pem"), sm2PublicKeyToPem(key.publicKey));
    writeFileSync(path.join(dir, "message.txt"), message);
    for (let i = 0; i < 3; i++) {
      writeFileSync(path.join(dir, "sig.der"), Buffer.from(sign(message), "hex"));
      const result = execFileSync(
        "openssl",
        [
          "pkeyutl",
          "-verify",
          "-pubin",
          "-inkey",
          "key.pem",
          "-rawin",
          "-in",
          "message.txt",
          "-sigfile",
          "sig.der",
          "-digest",
          "sm3",
          "-pkeyopt",
          "distid:1234567812345678",
        ],
        { cwd: dir, encoding: "utf8" },
      );
      expect(result).toContain("Signature Verified Successfully");
    }
  });
});
