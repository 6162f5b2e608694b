import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { bytesToHex, sm2KeyPair } from "@/lib/crypto/sm2";
import {
  createPlatformVerifier,
  PLATFORM_HEADERS,
  platformCanonicalString,
  signPlatformHeaders,
  sm3BodyHex,
  verifyPlatformSignature,
} from "@/lib/signing/platform";
import { sm2PublicKeyToPem } from "@/lib/signing/sm2-pem";

const platform = sm2KeyPair();
beforeAll(() => {
  process.env.PLATFORM_SM2_PRIVATE_KEY = platform.privateKey;
});

const body = '<?xml version="1.0" encoding="UTF-8"?>\n<EmsPushMessage><Head><MessageId>20260000000000000001</MessageId></Head></EmsPushMessage>';
const messageId = "20260000000000000001";

function signed(at = new Date("2026-03-05T06:02:11.123Z")) {
  const headers = signPlatformHeaders({ messageId, body, at });
  return { messageId, timestamp: headers[PLATFORM_HEADERS.timestamp], signature: headers[PLATFORM_HEADERS.signature], body };
}

describe("platform signature canonical string", () => {
  test("is prefix, message id, timestamp and the SM3 hex of the body, one per line", () => {
    expect(platformCanonicalString({ messageId, timestamp: "1772690531123", bodySm3Hex: "ab".repeat(32) })).toBe(
      `SW-PUSH-V1\n${messageId}\n1772690531123\n${"ab".repeat(32)}`,
    );
  });

  test("SM3 of the body is the GB/T 32905 digest (standard test vector 'abc')", () => {
    expect(sm3BodyHex("abc")).toBe("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
    expect(sm3BodyHex(new TextEncoder().encode("abc"))).toBe(sm3BodyHex("abc"));
  });

  test("headers carry the id, a millisecond timestamp and a DER signature in hex", () => {
    const headers = signPlatformHeaders({ messageId, body, at: new Date("2026-03-05T06:02:11.123Z") });
    expect(headers[PLATFORM_HEADERS.messageId]).toBe(messageId);
    expect(headers[PLATFORM_HEADERS.timestamp]).toBe(String(Date.parse("2026-03-05T06:02:11.123Z")));
    expect(headers[PLATFORM_HEADERS.signature]).toMatch(/^30[0-9a-f]+$/);
  });
});

describe("verifyPlatformSignature", () => {
  test("accepts the platform's signature and refuses any tampering", () => {
    const good = signed();
    const verify = createPlatformVerifier(platform.publicKey);
    expect(verify(good)).toBe(true);
    expect(verifyPlatformSignature({ ...good, publicKey: platform.publicKey })).toBe(true);
    expect(verify({ ...good, body: body.replace("0001<", "0002<") })).toBe(false);
    expect(verify({ ...good, messageId: "20260000000000000002" })).toBe(false);
    expect(verify({ ...good, timestamp: String(Number(good.timestamp) + 1) })).toBe(false);
    expect(verify({ ...good, signature: good.signature.slice(0, -2) + (good.signature.endsWith("00") ? "01" : "00") })).toBe(false);
    expect(verify({ ...good, signature: "not hex" })).toBe(false);
    expect(verify({ ...good, signature: "" })).toBe(false);
    expect(createPlatformVerifier(sm2KeyPair().publicKey)(good)).toBe(false);
  });

  test("verifies bytes exactly as received", () => {
    const good = signed();
    expect(createPlatformVerifier(platform.publicKey)({ ...good, body: new TextEncoder().encode(body) })).toBe(true);
  });
});

describe("interoperability with OpenSSL 3 (SM2, SM3, distid 1234567812345678)", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "sw-sm2-"));
  const openssl = (...args: string[]) => execFileSync("openssl", args, { cwd: dir, encoding: "utf8" });
  let hasOpenssl = true;
  try {
    openssl("version");
  } catch {
    hasOpenssl = false;
  }

  test.skipIf(!hasOpenssl)("OpenSSL verifies the platform's signature against the served PEM", () => {
    const good = signed();
    writeFileSync(path.join(dir, "platform.pem"), sm2PublicKeyToPem(platform.publicKey));
    writeFileSync(path.join(dir, "canonical.txt"), platformCanonicalString({ ...good, bodySm3Hex: sm3BodyHex(body) }));
    writeFileSync(path.join(dir, "sig.der"), Buffer.from(good.signature, "hex"));
    expect(openssl("pkey", "-pubin", "-in", "platform.pem", "-noout", "-text")).toContain("ASN1 OID: SM2");
    const result = openssl(
      "pkeyutl",
      "-verify",
      "-pubin",
      "-inkey",
      "platform.pem",
      "-rawin",
      "-in",
      "canonical.txt",
      "-sigfile",
      "sig.der",
      "-digest",
      "sm3",
      "-pkeyopt",
      "distid:1234567812345678",
    );
    expect(result).toContain("Signature Verified Successfully");
  });

  test.skipIf(!hasOpenssl)("the precomputed verifier accepts signatures made by OpenSSL", () => {
    openssl("genpkey", "-algorithm", "SM2", "-out", "openssl-key.pem");
    openssl("pkey", "-in", "openssl-key.pem", "-pubout", "-outform", "DER", "-out", "openssl-pub.der");
    const publicKey = bytesToHex(readFileSync(path.join(dir, "openssl-pub.der")).subarray(-65));
    const timestamp = "1772690531123";
    writeFileSync(path.join(dir, "canonical2.txt"), platformCanonicalString({ messageId, timestamp, bodySm3Hex: sm3BodyHex(body) }));
    const verify = createPlatformVerifier(publicKey);
    for (let i = 0; i < 5; i++) {
      openssl(
        "pkeyutl",
        "-sign",
        "-inkey",
        "openssl-key.pem",
        "-rawin",
        "-in",
        "canonical2.txt",
        "-digest",
        "sm3",
        "-pkeyopt",
        "distid:1234567812345678",
        "-out",
        "sig2.der",
      );
      const signature = readFileSync(path.join(dir, "sig2.der")).toString("hex");
      expect(verify({ messageId, timestamp, signature, body })).toBe(true);
      expect(verify({ messageId, timestamp, signature, body: body + " " })).toBe(false);
    }
  });
});
