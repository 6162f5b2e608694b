import { describe, expect, it } from "vitest";
import { ApduSigner } from "@/lib/card/apdu-signer";
import { HID_COMMAND, HidMessageAssembler, encodeHidMessage } from "@/lib/card/hid-framing";
import { type HidDeviceLike, type HidInputReportEventLike, type HidLike, openWebHidChannel } from "@/lib/card/transports/webhid";
import { createFakeNavigatorHid } from "@/tests/support/card/virtual-hid";
import { sm2Verify } from "@/lib/crypto/sm2";
import { demoCards } from "@/lib/demo/cards";

const [legalPerson, operator] = demoCards;
const message = new TextEncoder().encode('{"action":"extend","manualNo":"B32019300012"}');

describe("WebHID transport (fake navigator.hid backed by the virtual card)", () => {
  it("reads the card, verifies the PIN and signs through 64-byte HID reports", async () => {
    const hid = createFakeNavigatorHid([legalPerson]);
    const signer = new ApduSigner("webhid", await openWebHidChannel(hid));
    expect(await signer.readCard()).toMatchObject({ cardNo: legalPerson.cardNo, holder: legalPerson.holder });
    await signer.verifyPin(legalPerson.pin);
    const signature = await signer.sign(message);
    expect(sm2Verify(legalPerson.publicKey, message, signature)).toBe(true);
    await signer.close();
    expect((await hid.getDevices())[0]?.opened).toBe(false);
  });

  it("reuses a granted device without the chooser", async () => {
    const hid = createFakeNavigatorHid([legalPerson]);
    await (await openWebHidChannel(hid)).close();
    let chooserShown = false;
    const wrapped: HidLike = {
      getDevices: () => hid.getDevices(),
      requestDevice: (options) => ((chooserShown = true), hid.requestDevice(options)),
    };
    await (await openWebHidChannel(wrapped)).close();
    expect(chooserShown).toBe(false);
  });

  it("reports wrong PINs with tries left, then the lock", async () => {
    const hid = createFakeNavigatorHid([operator]);
    const signer = new ApduSigner("webhid", await openWebHidChannel(hid));
    for (let triesLeft = 4; triesLeft >= 1; triesLeft--) {
      await expect(signer.verifyPin("87654321")).rejects.toMatchObject({ code: "WRONG_PIN", triesLeft });
    }
    await expect(signer.verifyPin("87654321")).rejects.toMatchObject({ code: "LOCKED" });
  });

  it("treats a closed chooser as cancelled", async () => {
    const hid = createFakeNavigatorHid([legalPerson]);
    hid.slot.remove();
    await expect(openWebHidChannel(hid)).rejects.toMatchObject({ code: "CANCELLED" });
  });

  it("times out on a silent device", async () => {
    const silent = scriptedDevice();
    const hid: HidLike = { getDevices: async () => [silent], requestDevice: async () => [silent] };
    await expect(openWebHidChannel(hid, { timeoutMs: 20 })).rejects.toMatchObject({ code: "TIMEOUT" });
  });

  it("fails a command in flight with CANCELLED when closed", async () => {
    // Answers INIT, then never answers an APDU.
    const device = scriptedDevice((report, reply) => {
      const request = new HidMessageAssembler(null).push(report);
      if (request?.command !== HID_COMMAND.INIT) return;
      const payload = new Uint8Array(12);
      payload.set(request.payload);
      payload[11] = 1;
      reply(encodeHidMessage({ ...request, payload }));
    });
    const channel = await openWebHidChannel({ getDevices: async () => [device], requestDevice: async () => [device] });
    const pending = channel.transmit(Uint8Array.of(0, 0xa4, 4, 0x0c));
    await channel.close();
    await expect(pending).rejects.toMatchObject({ code: "CANCELLED" });
  });

  it("surfaces the device's ERROR frames as transport errors", async () => {
    const device = scriptedDevice((report, reply) => {
      const request = new HidMessageAssembler(null).push(report);
      if (!request) return;
      reply(encodeHidMessage({ channel: request.channel, command: HID_COMMAND.ERROR, payload: Uint8Array.of(1) }));
    });
    const hid: HidLike = { getDevices: async () => [device], requestDevice: async () => [device] };
    await expect(openWebHidChannel(hid)).rejects.toMatchObject({
      code: "TRANSPORT",
      detail: "HID error 0x1",
    });
  });
});

type ReportHandler = (report: Uint8Array, reply: (reports: Uint8Array[]) => void) => void;

/** A card-token-shaped device whose answers the test decides (none by default). */
function scriptedDevice(onReport?: ReportHandler): HidDeviceLike {
  const listeners = new Set<(event: HidInputReportEventLike) => void>();
  const emit = (report: Uint8Array) => listeners.forEach((l) => l({ reportId: 0, data: new DataView(report.buffer) }));
  return {
    opened: true,
    productName: "test",
    collections: [{ usagePage: 0xff53, usage: 1 }],
    open: async () => undefined,
    close: async () => undefined,
    sendReport: async (_id, data) => onReport?.(data, (reports) => setTimeout(() => reports.forEach(emit), 0)),
    addEventListener: (_type, listener) => listeners.add(listener),
    removeEventListener: (_type, listener) => listeners.delete(listener),
  };
}
