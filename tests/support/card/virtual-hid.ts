// A fake `navigator.hid` whose devices are virtual card tokens speaking the HID framing of hid-framing.ts,
// so the WebHID transport runs its real code path in tests and in the browser (Playwright injects it with
// page.addInitScript, bundled). Browser-safe: no Node built-ins.
import { HID_BROADCAST_CHANNEL, HID_COMMAND, HID_ERROR, HidMessageAssembler, type HidMessage, encodeHidMessage } from "@/lib/card/hid-framing";
import {
  CARD_HID_COLLECTION,
  type HidDeviceFilter,
  type HidDeviceLike,
  type HidInputReportEventLike,
  type HidLike,
} from "@/lib/card/transports/webhid";
import { type VirtualCard, VirtualCardSlot } from "@/lib/card/virtual-card";
import type { DemoCard } from "@/lib/demo/cards";

type InputReportListener = (event: HidInputReportEventLike) => void;

/** One USB token with its card built in; it answers only while it is the token plugged into the slot. */
export class VirtualHidDevice implements HidDeviceLike {
  readonly vendorId = 0;
  readonly productId = 0;
  readonly productName: string;
  readonly collections = [{ ...CARD_HID_COLLECTION }];
  private isOpen = false;
  private assembler = new HidMessageAssembler(null);
  private readonly listeners = new Set<InputReportListener>();
  private readonly channels = new Set<number>();
  private nextChannel = 1;

  constructor(
    private readonly slot: VirtualCardSlot,
    readonly card: VirtualCard,
  ) {
    this.productName = `Virtual customs card ${card.card.cardNo}`;
  }

  get opened(): boolean {
    return this.isOpen;
  }

  async open(): Promise<void> {
    this.assertPlugged();
    this.isOpen = true;
  }

  async close(): Promise<void> {
    this.isOpen = false;
  }

  addEventListener(_type: "inputreport", listener: InputReportListener): void {
    this.listeners.add(listener);
  }

  removeEventListener(_type: "inputreport", listener: InputReportListener): void {
    this.listeners.delete(listener);
  }

  async sendReport(reportId: number, data: Uint8Array): Promise<void> {
    this.assertPlugged();
    if (!this.isOpen) throw new DOMException("device not open", "InvalidStateError");
    const report = Uint8Array.from(data);
    if (reportId !== 0 || report.length !== 64) throw new DOMException("wrong report length", "NotAllowedError");
    let message: HidMessage | null;
    try {
      message = this.assembler.push(report);
    } catch {
      this.assembler = new HidMessageAssembler(null);
      const channel = new DataView(report.buffer).getUint32(0);
      this.reply({ channel, command: HID_COMMAND.ERROR, payload: new Uint8Array([HID_ERROR.INVALID_SEQUENCE]) });
      return;
    }
    if (message) this.reply(this.answer(message));
  }

  private answer({ channel, command, payload }: HidMessage): HidMessage {
    const error = (code: number) => ({ channel, command: HID_COMMAND.ERROR, payload: new Uint8Array([code]) });
    if (command === HID_COMMAND.INIT) {
      if (channel !== HID_BROADCAST_CHANNEL || payload.length !== 8) return error(HID_ERROR.INVALID_LENGTH);
      const allocated = this.nextChannel++;
      this.channels.add(allocated);
      this.card.reset(); // a new host session starts without a verified PIN
      const reply = new Uint8Array(12);
      reply.set(payload);
      new DataView(reply.buffer).setUint32(8, allocated);
      return { channel, command, payload: reply };
    }
    if (command === HID_COMMAND.APDU) {
      if (!this.channels.has(channel)) return error(HID_ERROR.INVALID_CHANNEL);
      return { channel, command, payload: this.card.transmit(payload) };
    }
    return error(HID_ERROR.INVALID_COMMAND);
  }

  /** Input reports arrive asynchronously, one event per 64-byte report, as from a real device. */
  private reply(message: HidMessage): void {
    const reports = encodeHidMessage(message);
    setTimeout(() => {
      for (const report of reports) {
        if (!this.isOpen) return;
        const event = { reportId: 0, data: new DataView(report.buffer), device: this };
        for (const listener of [...this.listeners]) listener(event);
      }
    }, 0);
  }

  private assertPlugged(): void {
    if (this.slot.card !== this.card) throw new DOMException("device removed", "NotFoundError");
  }
}

const matchesFilter = (filter: HidDeviceFilter, device: VirtualHidDevice): boolean =>
  (filter.vendorId === undefined || filter.vendorId === device.vendorId) &&
  (filter.productId === undefined || filter.productId === device.productId) &&
  device.collections.some(
    (c) => (filter.usagePage === undefined || filter.usagePage === c.usagePage) && (filter.usage === undefined || filter.usage === c.usage),
  );

/**
 * `navigator.hid` with one virtual token per demo card; `slot` says which token is plugged in (the first by
 * default). requestDevice plays the user picking the plugged token in the chooser.
 */
export class FakeNavigatorHid implements HidLike {
  readonly slot: VirtualCardSlot;
  private readonly devices = new Map<VirtualCard, VirtualHidDevice>();
  private readonly granted = new Set<VirtualHidDevice>();

  constructor(cards: DemoCard[]) {
    this.slot = new VirtualCardSlot(cards);
  }

  async getDevices(): Promise<HidDeviceLike[]> {
    const plugged = this.pluggedDevice();
    return plugged && this.granted.has(plugged) ? [plugged] : [];
  }

  async requestDevice({ filters }: { filters: HidDeviceFilter[] }): Promise<HidDeviceLike[]> {
    const plugged = this.pluggedDevice();
    if (!plugged || !filters.some((filter) => matchesFilter(filter, plugged))) return [];
    this.granted.add(plugged);
    return [plugged];
  }

  private pluggedDevice(): VirtualHidDevice | null {
    const card = this.slot.card;
    if (!card) return null;
    let device = this.devices.get(card);
    if (!device) {
      device = new VirtualHidDevice(this.slot, card);
      this.devices.set(card, device);
    }
    return device;
  }
}

export const createFakeNavigatorHid = (cards: DemoCard[]): FakeNavigatorHid => new FakeNavigatorHid(cards);

/** For a bundled page.addInitScript: replaces `navigator.hid` with the fake and returns it. */
export function installFakeNavigatorHid(cards: DemoCard[]): FakeNavigatorHid {
  const fake = createFakeNavigatorHid(cards);
  Object.defineProperty(navigator, "hid", { value: fake, configurable: true });
  return fake;
}
