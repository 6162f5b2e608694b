// WebUSB transport: a reader exposing a vendor-class (0xFF) interface that speaks CCID over bulk endpoints
// (Chrome refuses the smart-card class 0x0B). Written against the minimal subset of WebUSB declared here.
import { CCID_MESSAGE_TYPE, ccidMessageLength, encodeIccPowerOff, encodeIccPowerOn, encodeXfrBlock, parseReaderReply } from "@/lib/card/ccid";
import { type ApduChannel, concatBytes } from "@/lib/card/card-session";
import { CardError, toCardError } from "@/lib/card/errors";

export const VENDOR_INTERFACE_CLASS = 0xff;
export const CARD_USB_FILTERS: UsbDeviceFilter[] = [{ classCode: VENDOR_INTERFACE_CLASS }];

export interface UsbDeviceFilter {
  vendorId?: number;
  productId?: number;
  classCode?: number;
}

export interface UsbEndpointLike {
  endpointNumber: number;
  direction: "in" | "out";
  type: "bulk" | "interrupt" | "isochronous";
  packetSize: number;
}

export interface UsbInterfaceLike {
  interfaceNumber: number;
  alternate: { interfaceClass: number; endpoints: UsbEndpointLike[] };
}

export interface UsbConfigurationLike {
  configurationValue: number;
  interfaces: UsbInterfaceLike[];
}

export type UsbTransferStatus = "ok" | "stall" | "babble";

export interface UsbDeviceLike {
  readonly opened: boolean;
  readonly productName?: string;
  readonly configuration: UsbConfigurationLike | null;
  readonly configurations: UsbConfigurationLike[];
  open(): Promise<void>;
  close(): Promise<void>;
  selectConfiguration(configurationValue: number): Promise<void>;
  claimInterface(interfaceNumber: number): Promise<void>;
  releaseInterface(interfaceNumber: number): Promise<void>;
  transferOut(endpointNumber: number, data: Uint8Array): Promise<{ status: UsbTransferStatus; bytesWritten: number }>;
  transferIn(endpointNumber: number, length: number): Promise<{ status: UsbTransferStatus; data?: DataView }>;
}

export interface UsbLike {
  getDevices(): Promise<UsbDeviceLike[]>;
  requestDevice(options: { filters: UsbDeviceFilter[] }): Promise<UsbDeviceLike>;
}

interface CcidEndpoints {
  configurationValue: number;
  interfaceNumber: number;
  bulkIn: number;
  bulkOut: number;
}

/** The first vendor-class interface with a bulk IN and a bulk OUT endpoint. */
export function findCcidEndpoints(device: UsbDeviceLike): CcidEndpoints | null {
  for (const configuration of device.configurations) {
    for (const { interfaceNumber, alternate } of configuration.interfaces) {
      if (alternate.interfaceClass !== VENDOR_INTERFACE_CLASS) continue;
      const bulk = (direction: "in" | "out") => alternate.endpoints.find((e) => e.type === "bulk" && e.direction === direction)?.endpointNumber;
      const bulkIn = bulk("in");
      const bulkOut = bulk("out");
      if (bulkIn !== undefined && bulkOut !== undefined) {
        return { configurationValue: configuration.configurationValue, interfaceNumber, bulkIn, bulkOut };
      }
    }
  }
  return null;
}

async function chooseDevice(usb: UsbLike): Promise<UsbDeviceLike> {
  const granted = (await usb.getDevices()).find((device) => findCcidEndpoints(device));
  if (granted) return granted;
  try {
    return await usb.requestDevice({ filters: CARD_USB_FILTERS });
  } catch (error) {
    // The chooser closed without a choice.
    if (error instanceof Error && error.name === "NotFoundError") throw new CardError("CANCELLED");
    throw error;
  }
}

export async function openWebUsbChannel(usb: UsbLike, options: { timeoutMs?: number } = {}): Promise<ApduChannel> {
  try {
    const device = await chooseDevice(usb);
    const endpoints = findCcidEndpoints(device);
    if (!endpoints) throw new CardError("NOT_SUPPORTED", { detail: "the reader has no usable CCID interface" });
    if (!device.opened) await device.open();
    if (device.configuration?.configurationValue !== endpoints.configurationValue) {
      await device.selectConfiguration(endpoints.configurationValue);
    }
    await device.claimInterface(endpoints.interfaceNumber);
    const channel = new WebUsbCcidChannel(device, endpoints, options.timeoutMs ?? 30_000);
    await channel.powerOn();
    return channel;
  } catch (error) {
    throw toCardError(error);
  }
}

/** A reply to a short APDU is at most 10 + 256 + 2 bytes; read generously so one transfer normally holds it. */
const READ_LENGTH = 1024;
const SLOT = 0;

class WebUsbCcidChannel implements ApduChannel {
  private seq = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private inFlight = false;
  private closed = false;

  constructor(
    private readonly device: UsbDeviceLike,
    private readonly endpoints: CcidEndpoints,
    private readonly timeoutMs: number,
  ) {}

  /** Activates the card (its ATR is not needed); fails with NO_CARD when the slot is empty. */
  async powerOn(): Promise<void> {
    await this.command((seq) => encodeIccPowerOn(SLOT, seq), CCID_MESSAGE_TYPE.RDR_TO_PC_DATA_BLOCK);
  }

  transmit(apdu: Uint8Array): Promise<Uint8Array> {
    return this.command((seq) => encodeXfrBlock(SLOT, seq, apdu), CCID_MESSAGE_TYPE.RDR_TO_PC_DATA_BLOCK);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    // Powering off drops the card's verified-PIN state. Skipped when a command is in flight: closing the device
    // then aborts its transfers, which is what a cancel needs.
    if (!this.inFlight) {
      const powerOff = (seq: number) => encodeIccPowerOff(SLOT, seq);
      await this.command(powerOff, CCID_MESSAGE_TYPE.RDR_TO_PC_SLOT_STATUS).catch(() => undefined);
    }
    this.closed = true;
    await this.device.releaseInterface(this.endpoints.interfaceNumber).catch(() => undefined);
    await this.device.close();
  }

  /** One command in flight at a time (CCID allows one per slot); replies must echo our bSeq. */
  private command(encode: (seq: number) => Uint8Array, replyType: number): Promise<Uint8Array> {
    const result = this.queue.then(async () => {
      if (this.closed) throw new CardError("CANCELLED");
      this.inFlight = true;
      try {
        return await this.withTimeout(this.exchange(encode, replyType));
      } catch (error) {
        throw this.closed ? new CardError("CANCELLED") : error;
      } finally {
        this.inFlight = false;
      }
    });
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async exchange(encode: (seq: number) => Uint8Array, replyType: number): Promise<Uint8Array> {
    const seq = this.seq;
    this.seq = (this.seq + 1) & 0xff;
    const sent = await this.device.transferOut(this.endpoints.bulkOut, encode(seq));
    if (sent.status !== "ok") throw new CardError("TRANSPORT", { detail: `USB transfer out failed: ${sent.status}` });
    for (;;) {
      const reply = parseReaderReply(await this.readMessage(), { type: replyType, seq });
      if (reply.kind === "done") return reply.data;
      // Time extension: the card asked for more time; its real answer follows.
    }
  }

  /** Reads one reader message, which may span several bulk transfers. */
  private async readMessage(): Promise<Uint8Array> {
    const parts: Uint8Array[] = [];
    let received = 0;
    for (;;) {
      const result = await this.device.transferIn(this.endpoints.bulkIn, READ_LENGTH);
      if (result.status !== "ok" || !result.data) {
        throw new CardError("TRANSPORT", { detail: `USB transfer in failed: ${result.status}` });
      }
      const part = new Uint8Array(result.data.buffer, result.data.byteOffset, result.data.byteLength);
      parts.push(part);
      received += part.length;
      const message = concatBytes(parts);
      const expected = ccidMessageLength(message);
      if (expected !== null && received >= expected) return message.subarray(0, expected);
    }
  }

  private withTimeout<T>(operation: Promise<T>): Promise<T> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new CardError("TIMEOUT")), this.timeoutMs);
    });
    return Promise.race([operation, timeout]).finally(() => clearTimeout(timer));
  }
}
