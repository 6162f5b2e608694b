import { describe, expect, it } from "vitest";
import { ApduSigner } from "@/lib/card/apdu-signer";
import { VIRTUAL_CARD_PIN_TRIES, VirtualCard, VirtualCardSlot, openVirtualCardChannel } from "@/lib/card/virtual-card";
import { bytesToHex, hexToBytes, sm2Verify } from "@/lib/crypto/sm2";
import { demoCards } from "@/lib/demo/cards";

const [legalPerson, operator] = demoCards;
const message = new TextEncoder().encode('{"action":"subscribe","manualNo":"B32019300012"}');

const signerFor = (slot: VirtualCardSlot) => new ApduSigner("virtual", openVirtualCardChannel(slot));
const apdu = (card: VirtualCard, hex: string) => bytesToHex(card.transmit(hexToBytes(hex)));

describe("virtual card APDUs", () => {
  it("answers SELECT, strict READ BINARY (6Cxx) and chained responses (61xx)", () => {
    const card = new VirtualCard(legalPerson);
    expect(apdu(card, "00b0820000")).toBe("6985"); // nothing before SELECT
    expect(apdu(card, "00a4040c08f0535743415244ff")).toBe("6a82");
    expect(apdu(card, "00a4040c08f053574341524401")).toBe("9000");
    expect(apdu(card, "00b0820000")).toBe("6c41");
    expect(apdu(card, "00b0820041")).toBe(legalPerson.publicKey.slice(0, 64) + "6121");
    expect(apdu(card, "00c0000021")).toBe(legalPerson.publicKey.slice(64, 128) + "6101");
    expect(apdu(card, "00c0000001")).toBe(legalPerson.publicKey.slice(128) + "9000");
    expect(apdu(card, "00c0000001")).toBe("6985"); // nothing left
    expect(apdu(card, "00b0830000")).toBe("6a82"); // no such file
    expect(apdu(card, "00ca000000")).toBe("6d00");
    expect(apdu(card, "80a4040c08f053574341524401")).toBe("6e00");
  });

  it("signs only after VERIFY and only 32-byte digests", () => {
    const card = new VirtualCard(legalPerson);
    card.transmit(hexToBytes("00a4040c08f053574341524401"));
    const sign = `002a9e9a20${"ab".repeat(32)}00`;
    expect(apdu(card, sign)).toBe("6982");
    expect(apdu(card, `0020008108${bytesToHex(new TextEncoder().encode(legalPerson.pin))}`)).toBe("9000");
    expect(apdu(card, "002a9e9a02abab00")).toBe("6700");
    expect(apdu(card, sign)).toMatch(/^30[0-9a-f]{62}61[0-9a-f]{2}$/); // first 32 bytes, then 61xx
  });
});

describe("signing with the virtual card", () => {
  it("produces a signature the card's public key verifies, and not for a tampered message", async () => {
    const signer = signerFor(new VirtualCardSlot([legalPerson]));
    const card = await signer.readCard();
    expect(card).toMatchObject({
      cardNo: legalPerson.cardNo,
      kind: "LEGAL_PERSON",
      holder: legalPerson.holder,
      enterpriseCode: legalPerson.enterpriseCustomsCode,
      publicKeyHex: legalPerson.publicKey,
    });
    await signer.verifyPin(legalPerson.pin);
    const signature = await signer.sign(message);
    expect(sm2Verify(legalPerson.publicKey, message, signature)).toBe(true);
    expect(sm2Verify(legalPerson.publicKey, new TextEncoder().encode('{"action":"cancel"}'), signature)).toBe(false);
    await signer.close();
  });

  it("reads an operator card's kind", async () => {
    const signer = signerFor(new VirtualCardSlot([operator]));
    expect((await signer.readCard()).kind).toBe("OPERATOR");
  });

  it("refuses to sign before the PIN is verified", async () => {
    const signer = signerFor(new VirtualCardSlot([legalPerson]));
    await expect(signer.sign(message)).rejects.toMatchObject({ code: "PIN_NOT_VERIFIED" });
  });

  it("reports the tries left for a wrong PIN and resets them with the right one", async () => {
    const slot = new VirtualCardSlot([legalPerson]);
    const signer = signerFor(slot);
    await expect(signer.verifyPin("12345678")).rejects.toMatchObject({
      code: "WRONG_PIN",
      triesLeft: 4,
    });
    await expect(signer.verifyPin("12345678")).rejects.toMatchObject({ triesLeft: 3 });
    await signer.verifyPin(legalPerson.pin);
    expect(slot.card?.pinTriesLeft).toBe(VIRTUAL_CARD_PIN_TRIES);
  });

  it("locks after 5 wrong PINs, for good", async () => {
    const slot = new VirtualCardSlot([legalPerson]);
    const signer = signerFor(slot);
    for (let triesLeft = 4; triesLeft >= 1; triesLeft--) {
      await expect(signer.verifyPin("00000000")).rejects.toMatchObject({ code: "WRONG_PIN", triesLeft });
    }
    await expect(signer.verifyPin("00000000")).rejects.toMatchObject({ code: "LOCKED" });
    await expect(signer.verifyPin(legalPerson.pin)).rejects.toMatchObject({ code: "LOCKED" });
    const again = signerFor(slot); // the counter survives a reset
    await expect(again.verifyPin(legalPerson.pin)).rejects.toMatchObject({ code: "LOCKED" });
    await expect(again.sign(message)).rejects.toMatchObject({ code: "LOCKED" });
  });

  it("reports NO_CARD for an empty slot or a card pulled out", async () => {
    const slot = new VirtualCardSlot([legalPerson, operator], null);
    expect(() => openVirtualCardChannel(slot)).toThrow(expect.objectContaining({ code: "NO_CARD" }));
    slot.insert(operator.cardNo);
    const signer = signerFor(slot);
    slot.insert(legalPerson.cardNo);
    await expect(signer.readCard()).rejects.toMatchObject({ code: "NO_CARD" });
  });

  it("forgets the verified PIN when closed", async () => {
    const slot = new VirtualCardSlot([legalPerson]);
    const first = signerFor(slot);
    await first.verifyPin(legalPerson.pin);
    await first.close();
    await expect(first.sign(message)).rejects.toMatchObject({ code: "CANCELLED" });
    await expect(signerFor(slot).sign(message)).rejects.toMatchObject({ code: "PIN_NOT_VERIFIED" });
  });
});
