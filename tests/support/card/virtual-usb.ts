// A fake `navigator.usb` with one vendor-class CCID reader whose slot holds the virtual cards, so the WebUSB
// transport runs its real code path in tests. Signing answers with a CCID time extension first, and replies can
// be cut into several bulk transfers, to exercise the host's handling of both. Browser-safe: no Node built-ins.
import { INS } from "@/lib/card/apdu";
import { CCID_ERROR_ICC_MUTE, CCID_HEADER_LENGTH, CCID_MESSAGE_TYPE, COMMAND_STATUS, ICC_STATUS, encodeReaderReply } from "@/lib/card/ccid";
import type { UsbConfigurationLike, UsbDeviceFilter, UsbDeviceLike, UsbLike, UsbTransferStatus } from "@/lib/card/transports/webusb";
import { VENDOR_INTERFACE_CLASS } from "@/lib/card/transports/webusb";
import { type VirtualCard, VirtualCardSlot } from "@/lib/card/virtual-card";
import type { DemoCard } from "@/lib/demo/cards";

const BULK_OUT = 1;
const BULK_IN = 2;

const READER_CONFIGURATION: UsbConfigurationLike = {
  configurationValue: 1,
  interfaces: [
    {
      interfaceNumber: 0,
      alternate: {
        interfaceClass: VENDOR_INTERFACE_CLASS,
        endpoints: [
          { endpointNumber: BULK_OUT, direction: "out", type: "bulk", packetSize: 64 },
          { endpointNumber: BULK_IN, direction: "in", type: "bulk", packetSize: 64 },
          { endpointNumber: 3, direction: "in", type: "interrupt", packetSize: 8 },
        ],
      },
    },
  ],
};

export interface VirtualUsbReaderOptions {
  /** Largest bulk IN transfer the reader hands out; smaller values split replies over several transfers. */
  maxTransferSize?: number;
}

export class VirtualUsbReader implements UsbDeviceLike {
  readonly productName = "Virtual card reader";
  readonly configurations = [READER_CONFIGURATION];
  configuration: UsbConfigurationLike | null = null;
  opened = false;
  private claimed = false;
  private poweredCard: VirtualCard | null = null;
  private readonly replies: Uint8Array[] = [];
  private wakeReader?: () => void;

  constructor(
    readonly slot: VirtualCardSlot,
    private readonly options: VirtualUsbReaderOptions = {},
  ) {}

  async open(): Promise<void> {
    this.opened = true;
  }

  async close(): Promise<void> {
    this.opened = false;
    this.configuration = null;
    this.claimed = false;
    this.replies.length = 0;
    this.wakeReader?.(); // a pending transferIn fails, as on a real device
  }

  async selectConfiguration(configurationValue: number): Promise<void> {
    this.assert(this.opened && configurationValue === READER_CONFIGURATION.configurationValue);
    this.configuration = READER_CONFIGURATION;
  }

  async claimInterface(interfaceNumber: number): Promise<void> {
    this.assert(this.configuration !== null && interfaceNumber === 0);
    this.claimed = true;
  }

  async releaseInterface(): Promise<void> {
    this.claimed = false;
  }

  async transferOut(endpointNumber: number, data: Uint8Array): Promise<{ status: UsbTransferStatus; bytesWritten: number }> {
    this.assert(this.claimed && endpointNumber === BULK_OUT);
    this.replies.push(...this.answer(Uint8Array.from(data)));
    this.wakeReader?.();
    return { status: "ok", bytesWritten: data.length };
  }

  async transferIn(endpointNumber: number, length: number): Promise<{ status: UsbTransferStatus; data?: DataView }> {
    this.assert(this.claimed && endpointNumber === BULK_IN);
    while (this.replies.length === 0) {
      await new Promise<void>((resolve) => (this.wakeReader = resolve));
      if (!this.opened) throw new DOMException("transfer aborted", "AbortError");
    }
    const head = this.replies[0];
    const size = Math.min(length, this.options.maxTransferSize ?? Infinity, head.length);
    if (size < head.length) this.replies[0] = head.slice(size);
    else this.replies.shift();
    return { status: "ok", data: new DataView(head.slice(0, size).buffer) };
  }

  /** The reader's replies to one PC_to_RDR message. */
  private answer(message: Uint8Array): Uint8Array[] {
    const [type, , , , , slot, seq] = message;
    const card = this.slot.card;
    if (this.poweredCard !== card) this.poweredCard = null; // the card was pulled out
    const icc = !card ? ICC_STATUS.ABSENT : this.poweredCard ? ICC_STATUS.ACTIVE : ICC_STATUS.INACTIVE;
    const failed = (COMMAND_STATUS.FAILED << 6) | icc;
    const reply = (replyType: number, status: number, error: number, data?: Uint8Array) =>
      encodeReaderReply({ type: replyType, slot, seq, status, error }, data);

    switch (type) {
      case CCID_MESSAGE_TYPE.PC_TO_RDR_ICC_POWER_ON:
        if (!card) return [reply(CCID_MESSAGE_TYPE.RDR_TO_PC_DATA_BLOCK, failed, CCID_ERROR_ICC_MUTE)];
        this.poweredCard = card;
        return [reply(CCID_MESSAGE_TYPE.RDR_TO_PC_DATA_BLOCK, ICC_STATUS.ACTIVE, 0, card.reset())];
      case CCID_MESSAGE_TYPE.PC_TO_RDR_ICC_POWER_OFF:
        this.poweredCard = null;
        return [reply(CCID_MESSAGE_TYPE.RDR_TO_PC_SLOT_STATUS, card ? ICC_STATUS.INACTIVE : ICC_STATUS.ABSENT, 0)];
      case CCID_MESSAGE_TYPE.PC_TO_RDR_XFR_BLOCK: {
        if (!card || icc !== ICC_STATUS.ACTIVE) {
          return [reply(CCID_MESSAGE_TYPE.RDR_TO_PC_DATA_BLOCK, failed, CCID_ERROR_ICC_MUTE)];
        }
        const apdu = message.subarray(CCID_HEADER_LENGTH);
        const replies = [];
        if (apdu[1] === INS.PSO) {
          // bError of a time extension: the BWT multiplier the card asks for.
          replies.push(reply(CCID_MESSAGE_TYPE.RDR_TO_PC_DATA_BLOCK, (COMMAND_STATUS.TIME_EXTENSION << 6) | icc, 1));
        }
        replies.push(reply(CCID_MESSAGE_TYPE.RDR_TO_PC_DATA_BLOCK, icc, 0, card.transmit(apdu)));
        return replies;
      }
      default: // bError 0 with a failed status: command not supported
        return [reply(CCID_MESSAGE_TYPE.RDR_TO_PC_SLOT_STATUS, failed, 0)];
    }
  }

  private assert(condition: boolean): void {
    if (!condition) throw new DOMException("the device state does not allow this", "InvalidStateError");
  }
}

/** `navigator.usb` with one virtual reader; requestDevice plays the user picking it in the chooser. */
export class FakeNavigatorUsb implements UsbLike {
  readonly reader: VirtualUsbReader;
  private granted = false;

  constructor(cards: DemoCard[], options?: VirtualUsbReaderOptions) {
    this.reader = new VirtualUsbReader(new VirtualCardSlot(cards), options);
  }

  get slot(): VirtualCardSlot {
    return this.reader.slot;
  }

  async getDevices(): Promise<UsbDeviceLike[]> {
    return this.granted ? [this.reader] : [];
  }

  async requestDevice({ filters }: { filters: UsbDeviceFilter[] }): Promise<UsbDeviceLike> {
    if (!filters.some((filter) => filter.classCode === undefined || filter.classCode === VENDOR_INTERFACE_CLASS)) {
      throw new DOMException("no device chosen", "NotFoundError");
    }
    this.granted = true;
    return this.reader;
  }
}
