import { describe, expect, it } from "vitest";
import { ApduSigner } from "@/lib/card/apdu-signer";
import { openWebUsbChannel } from "@/lib/card/transports/webusb";
import { FakeNavigatorUsb } from "@/tests/support/card/virtual-usb";
import { sm2Verify } from "@/lib/crypto/sm2";
import { demoCards } from "@/lib/demo/cards";

const [legalPerson, operator] = demoCards;
const message = new TextEncoder().encode('{"action":"cancel","manualNo":"B32019300012"}');

describe("WebUSB transport (fake navigator.usb: a CCID reader holding the virtual card)", () => {
  it("signs through CCID XfrBlocks, time extensions and replies split over 64-byte transfers", async () => {
    const usb = new FakeNavigatorUsb([legalPerson], { maxTransferSize: 64 });
    const transfers = { out: 0, in: 0 };
    const [transferOut, transferIn] = [usb.reader.transferOut.bind(usb.reader), usb.reader.transferIn.bind(usb.reader)];
    usb.reader.transferOut = (endpoint, data) => (transfers.out++, transferOut(endpoint, data));
    usb.reader.transferIn = (endpoint, length) => (transfers.in++, transferIn(endpoint, length));
    const signer = new ApduSigner("webusb", await openWebUsbChannel(usb));
    expect(await signer.readCard()).toMatchObject({ cardNo: legalPerson.cardNo, kind: "LEGAL_PERSON" });
    await signer.verifyPin(legalPerson.pin);
    const signature = await signer.sign(message);
    expect(sm2Verify(legalPerson.publicKey, message, signature)).toBe(true);
    // The signature's DataBlock (10 + 32 + 2 bytes) fits one transfer, but the 65-byte key's did not, and
    // the signing command was answered with a time extension first.
    expect(transfers.in).toBeGreaterThan(transfers.out);
    await signer.close();
    expect(usb.reader.opened).toBe(false);
  });

  it("powers the card off on close, so the next session needs the PIN again", async () => {
    const usb = new FakeNavigatorUsb([legalPerson]);
    const first = new ApduSigner("webusb", await openWebUsbChannel(usb));
    await first.verifyPin(legalPerson.pin);
    await first.close();
    const second = new ApduSigner("webusb", await openWebUsbChannel(usb));
    await expect(second.sign(message)).rejects.toMatchObject({ code: "PIN_NOT_VERIFIED" });
  });

  it("reports wrong PINs with tries left, then the lock", async () => {
    const usb = new FakeNavigatorUsb([operator]);
    const signer = new ApduSigner("webusb", await openWebUsbChannel(usb));
    await expect(signer.verifyPin("11112222")).rejects.toMatchObject({ code: "WRONG_PIN", triesLeft: 4 });
    for (let i = 0; i < 3; i++) await signer.verifyPin("11112222").catch(() => undefined);
    await expect(signer.verifyPin("11112222")).rejects.toMatchObject({ code: "LOCKED" });
    expect(usb.slot.card?.pinTriesLeft).toBe(0);
  });

  it("reports NO_CARD for an empty reader and for a card pulled out", async () => {
    const usb = new FakeNavigatorUsb([legalPerson]);
    usb.slot.remove();
    await expect(openWebUsbChannel(usb)).rejects.toMatchObject({ code: "NO_CARD" });

    usb.slot.insert(legalPerson.cardNo);
    const signer = new ApduSigner("webusb", await openWebUsbChannel(usb));
    usb.slot.remove();
    await expect(signer.readCard()).rejects.toMatchObject({ code: "NO_CARD" });
  });

  it("treats a closed chooser as cancelled", async () => {
    const usb = new FakeNavigatorUsb([legalPerson]);
    await expect(
      openWebUsbChannel({ getDevices: async () => [], requestDevice: () => usb.requestDevice({ filters: [{ classCode: 0x0b }] }) }),
    ).rejects.toMatchObject({ code: "CANCELLED" });
  });

  it("fails a command in flight with CANCELLED when closed", async () => {
    const usb = new FakeNavigatorUsb([legalPerson]);
    const channel = await openWebUsbChannel(usb);
    // The reader takes the command but never answers it.
    usb.reader.transferOut = async (_endpoint, data) => ({ status: "ok", bytesWritten: data.length });
    const pending = channel.transmit(Uint8Array.of(0, 0xb0, 0x81, 0, 0));
    await new Promise((resolve) => setTimeout(resolve, 5));
    await channel.close();
    await expect(pending).rejects.toMatchObject({ code: "CANCELLED" });
  });
});
