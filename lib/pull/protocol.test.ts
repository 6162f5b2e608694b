// The pull protocol's canonical strings (docs/delivery-protocol.md B.2, B.5) byte for byte, and signatures over them
// that OpenSSL 3 verifies as an import client written in another language would (skipped without OpenSSL).
import { describe, expect, test } from "vitest";
import { sm2KeyPair, sm2Sign } from "@/lib/crypto/sm2";
import { manifestCanonicalString, pullCanonicalRequest, sm3Hex } from "@/lib/pull/protocol";
import { createSm2Signer } from "@/lib/signing/sm2-fixed-key";
import { sm2PublicKeyToPem } from "@/lib/signing/sm2-pem";
import { opensslWorkspace } from "@/tests/support/openssl";

const body = '{"max":10,"waitSeconds":25}';
const request = {
  clientId: "3201000001",
  method: "post",
  path: "/api/pull/v1/messages",
  timestamp: "1796230000000",
  nonce: "0123456789abcdef0123",
  body,
};

describe("pull canonical strings", () => {
  test("a request: prefix, client, upper-case method, path, timestamp, nonce and the body's SM3, one per line", () => {
    expect(pullCanonicalRequest(request)).toBe(
      `SW-PULL-V1\n3201000001\nPOST\n/api/pull/v1/messages\n1796230000000\n0123456789abcdef0123\n${sm3Hex(body)}`,
    );
    expect(pullCanonicalRequest({ ...request, body: new TextEncoder().encode(body) })).toBe(pullCanonicalRequest(request));
  });

  test("a manifest: prefix, client, timestamp and the answer's SM3", () => {
    expect(manifestCanonicalString({ clientId: "3201000001", timestamp: "1", body: "{}" })).toBe(`SW-MANIFEST-V1\n3201000001\n1\n${sm3Hex("{}")}`);
  });
});

const openssl = opensslWorkspace("sw-pull-openssl-");

describe.skipIf(!openssl.available)("signatures OpenSSL verifies", () => {
  test("the client's request signature (as lib/import-client signs) and the platform's manifest signature", () => {
    const card = sm2KeyPair();
    openssl.write("card.pem", sm2PublicKeyToPem(card.publicKey));
    openssl.write("request.txt", pullCanonicalRequest(request));
    openssl.write("request.sig", Buffer.from(createSm2Signer(card)(pullCanonicalRequest(request)), "hex"));
    expect(openssl.verifySm2({ publicKeyPem: "card.pem", messageFile: "request.txt", signatureFile: "request.sig" })).toMatch(
      /Signature Verified Successfully/,
    );

    const platform = sm2KeyPair();
    const manifest = manifestCanonicalString({ clientId: "3201000001", timestamp: "1796230000000", body: '{"messages":[]}' });
    openssl.write("platform.pem", sm2PublicKeyToPem(platform.publicKey));
    openssl.write("manifest.txt", manifest);
    openssl.write("manifest.sig", Buffer.from(sm2Sign(platform.privateKey, platform.publicKey, manifest), "hex"));
    expect(openssl.verifySm2({ publicKeyPem: "platform.pem", messageFile: "manifest.txt", signatureFile: "manifest.sig" })).toMatch(
      /Signature Verified Successfully/,
    );
    // Another request's signature does not verify for this one.
    openssl.write("other.txt", pullCanonicalRequest({ ...request, nonce: "fedcba9876543210fedc" }));
    expect(openssl.verifySm2({ publicKeyPem: "card.pem", messageFile: "other.txt", signatureFile: "request.sig" })).not.toMatch(
      /Verified Successfully/,
    );
  });
});
