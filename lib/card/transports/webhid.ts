// WebHID transport: a card token exposing a vendor-defined HID collection, APDUs framed as in hid-framing.ts.
// Written against the minimal subset of WebHID declared here, so it compiles without DOM WebHID typings and
// tests can pass a fake `navigator.hid`.
import type { ApduChannel } from "@/lib/card/card-session";
import { CardError, toCardError } from "@/lib/card/errors";
import { HID_BROADCAST_CHANNEL, HID_COMMAND, HidMessageAssembler, type HidMessage, encodeHidMessage } from "@/lib/card/hid-framing";

/** Vendor-defined usage page 0xFF53 ('S'), usage 1: "APDU channel" in our framing. */
export const CARD_HID_COLLECTION = { usagePage: 0xff53, usage: 0x01 } as const;
export const CARD_HID_FILTERS: HidDeviceFilter[] = [{ ...CARD_HID_COLLECTION }];

export interface HidDeviceFilter {
  vendorId?: number;
  productId?: number;
  usagePage?: number;
  usage?: number;
}

export interface HidInputReportEventLike {
  readonly reportId: number;
  readonly data: DataView;
}

export interface HidDeviceLike {
  readonly opened: boolean;
  readonly productName: string;
  readonly collections: ReadonlyArray<{ usagePage?: number; usage?: number }>;
  open(): Promise<void>;
  close(): Promise<void>;
  sendReport(reportId: number, data: Uint8Array): Promise<void>;
  addEventListener(type: "inputreport", listener: (event: HidInputReportEventLike) => void): void;
  removeEventListener(type: "inputreport", listener: (event: HidInputReportEventLike) => void): void;
}

export interface HidLike {
  getDevices(): Promise<HidDeviceLike[]>;
  requestDevice(options: { filters: HidDeviceFilter[] }): Promise<HidDeviceLike[]>;
}

export const isCardHidDevice = (device: HidDeviceLike): boolean =>
  device.collections.some((c) => c.usagePage === CARD_HID_COLLECTION.usagePage && c.usage === CARD_HID_COLLECTION.usage);

/** A device the user already granted, else the browser's chooser (needs a user gesture). */
async function chooseDevice(hid: HidLike): Promise<HidDeviceLike> {
  const granted = (await hid.getDevices()).find(isCardHidDevice);
  if (granted) return granted;
  const [picked] = await hid.requestDevice({ filters: CARD_HID_FILTERS });
  if (!picked) throw new CardError("CANCELLED");
  return picked;
}

export async function openWebHidChannel(hid: HidLike, options: { timeoutMs?: number } = {}): Promise<ApduChannel> {
  try {
    const device = await chooseDevice(hid);
    if (!device.opened) await device.open();
    const channel = new WebHidApduChannel(device, options.timeoutMs ?? 30_000);
    await channel.allocateChannel();
    return channel;
  } catch (error) {
    throw toCardError(error);
  }
}

interface PendingRequest {
  assembler: HidMessageAssembler;
  resolve(message: HidMessage): void;
  reject(error: CardError): void;
}

class WebHidApduChannel implements ApduChannel {
  private channel = HID_BROADCAST_CHANNEL;
  private pending?: PendingRequest;
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  constructor(
    private readonly device: HidDeviceLike,
    private readonly timeoutMs: number,
  ) {
    device.addEventListener("inputreport", this.onInputReport);
  }

  /** INIT on the broadcast channel: the device answers our nonce and a channel id of our own. */
  async allocateChannel(): Promise<void> {
    const nonce = crypto.getRandomValues(new Uint8Array(8));
    const reply = await this.request(HID_COMMAND.INIT, nonce);
    const payload = reply.payload;
    if (payload.length !== 12 || !nonce.every((byte, i) => payload[i] === byte)) {
      throw new CardError("TRANSPORT", { detail: "invalid HID INIT reply" });
    }
    this.channel = new DataView(payload.buffer, payload.byteOffset).getUint32(8);
  }

  async transmit(apdu: Uint8Array): Promise<Uint8Array> {
    return (await this.request(HID_COMMAND.APDU, apdu)).payload;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.pending?.reject(new CardError("CANCELLED"));
    this.device.removeEventListener("inputreport", this.onInputReport);
    await this.device.close();
  }

  /** One request in flight at a time: responses carry no request id. */
  private request(command: number, payload: Uint8Array): Promise<HidMessage> {
    const result = this.queue.then(() => this.exchange(command, payload));
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async exchange(command: number, payload: Uint8Array): Promise<HidMessage> {
    if (this.closed) throw new CardError("CANCELLED");
    const reply = new Promise<HidMessage>((resolve, reject) => {
      const timer = setTimeout(() => reject(new CardError("TIMEOUT")), this.timeoutMs);
      this.pending = {
        assembler: new HidMessageAssembler(this.channel),
        resolve: (message) => {
          clearTimeout(timer);
          resolve(message);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
    });
    reply.catch(() => undefined); // observed below; avoids an unhandled rejection when sending fails first
    try {
      for (const report of encodeHidMessage({ channel: this.channel, command, payload })) {
        await this.device.sendReport(0, report);
      }
      const message = await reply;
      if (message.command === HID_COMMAND.ERROR) {
        throw new CardError("TRANSPORT", { detail: `HID error 0x${(message.payload[0] ?? 0).toString(16)}` });
      }
      if (message.command !== command) throw new CardError("TRANSPORT", { detail: "HID reply command mismatch" });
      return message;
    } catch (error) {
      this.pending?.reject(toCardError(error)); // settles the reply promise if sending failed
      throw toCardError(error);
    } finally {
      this.pending = undefined;
    }
  }

  private readonly onInputReport = (event: HidInputReportEventLike): void => {
    const pending = this.pending;
    if (!pending || event.reportId !== 0) return;
    try {
      const { buffer, byteOffset, byteLength } = event.data;
      const message = pending.assembler.push(new Uint8Array(buffer, byteOffset, byteLength));
      if (message) pending.resolve(message);
    } catch (error) {
      pending.reject(toCardError(error));
    }
  };
}
