// A card's signature over statement/2 bytes (docs/signing.md) is checkable outside the portal: the signed text
// is the canonical JSON of the document, verified by OpenSSL 3 with SM3 and distid 1234567812345678.
import { describe, expect, test } from "vitest";
import { sm2KeyPair, sm2Sign, sm3Hex } from "@/lib/crypto/sm2";
import { parseSignedDocument, signingMessage, withoutEmptyFields, type SignedContent } from "./canonical";
import { opensslWorkspace } from "../../tests/support/openssl";
import { sm2PublicKeyToPem } from "./sm2-pem";

const content: SignedContent = {
  action: "CANCEL",
  enterprise: "3201931234",
  statement: "取消 订阅记录 7（账册号 E32012500001）的增量数据订阅",
  payload: { subscriptionId: 7 },
};

describe("statement/2 document", () => {
  test("binds the statement, the enterprise, the card and the challenge, keys sorted, Chinese as UTF-8", () => {
    const message = signingMessage(content, "5b0e0a4e-8f53-4f0b-9d55-0f5e8a1e2c3d", "8600000012341");
    expect(message).toBe(
      '{"action":"CANCEL","card":"8600000012341","challenge":"5b0e0a4e-8f53-4f0b-9d55-0f5e8a1e2c3d","enterprise":"3201931234",' +
        '"format":"statement/2","payload":{"subscriptionId":7},"statement":"取消 订阅记录 7（账册号 E32012500001）的增量数据订阅"}',
    );
    expect(parseSignedDocument(message)).toMatchObject({ ...content, card: "8600000012341", format: "statement/2" });
  });

  test("an older format or another text is no statement/2 document", () => {
    expect(parseSignedDocument('{"action":"CANCEL","challenge":"x","payload":{"subscriptionId":7}}')).toBeNull();
    expect(parseSignedDocument("not json")).toBeNull();
  });

  test("the payload is signed without empty fields", () => {
    expect(withoutEmptyFields({ clientId: "3201000001", materialFrom: "", nested: [{ a: "", b: 1 }] })).toEqual({
      clientId: "3201000001",
      nested: [{ b: 1 }],
    });
  });
});

describe("interoperability with OpenSSL 3", () => {
  const openssl = opensslWorkspace("sw-statement-");

  test.skipIf(!openssl.available)("OpenSSL verifies a card's signature over the document; a changed statement fails", () => {
    const card = sm2KeyPair(sm3Hex("statement interop card"));
    const message = signingMessage(content, "5b0e0a4e-8f53-4f0b-9d55-0f5e8a1e2c3d", "8600000012341");
    openssl.write("card.pem", sm2PublicKeyToPem(card.publicKey));
    openssl.write("sig.der", Buffer.from(sm2Sign(card.privateKey, card.publicKey, message), "hex"));
    openssl.write("signed.json", message);
    openssl.write("tampered.json", message.replace("订阅记录 7", "订阅记录 8"));
    const verify = (messageFile: string) => openssl.verifySm2({ publicKeyPem: "card.pem", messageFile, signatureFile: "sig.der" });
    expect(verify("signed.json")).toContain("Signature Verified Successfully");
    expect(verify("tampered.json")).not.toContain("Signature Verified Successfully");
  });
});
