// Framing of APDUs over 64-byte HID reports (vendor usage page), modelled on CTAPHID:
//
//   init packet:          CID (4, BE) | CMD (1, high bit set) | BCNT (2, BE) | data (≤ 57)
//   continuation packet:  CID (4, BE) | SEQ (1, 0x00..0x7F)    | data (≤ 59)
//
// A message is one init packet followed by as many continuation packets as BCNT needs, SEQ counting from 0;
// reports are zero-padded to 64 bytes. The host first sends INIT on the broadcast channel with an 8-byte nonce;
// the device answers nonce ‖ new CID (and resets the card's security state). APDUs then travel as APDU
// messages on that channel, one response per command. The device answers ERROR (1 byte code) to bad frames.
import { CardError } from "@/lib/card/errors";

export const HID_REPORT_SIZE = 64;
export const HID_BROADCAST_CHANNEL = 0xffffffff;

export const HID_COMMAND = {
  APDU: 0x83,
  INIT: 0x86,
  ERROR: 0xbf,
} as const;

export const HID_ERROR = {
  INVALID_COMMAND: 0x01,
  INVALID_LENGTH: 0x03,
  INVALID_SEQUENCE: 0x04,
  INVALID_CHANNEL: 0x0b,
} as const;

const INIT_HEADER = 7;
const CONT_HEADER = 5;
const INIT_DATA = HID_REPORT_SIZE - INIT_HEADER; // 57
const CONT_DATA = HID_REPORT_SIZE - CONT_HEADER; // 59
export const HID_MAX_MESSAGE = INIT_DATA + 0x80 * CONT_DATA; // 7609

export interface HidMessage {
  channel: number;
  command: number;
  payload: Uint8Array;
}

/** Splits a message into zero-padded 64-byte reports. */
export function encodeHidMessage({ channel, command, payload }: HidMessage): Uint8Array[] {
  if (payload.length > HID_MAX_MESSAGE) throw new RangeError("HID message too long");
  const reports: Uint8Array[] = [];
  const first = new Uint8Array(HID_REPORT_SIZE);
  const view = new DataView(first.buffer);
  view.setUint32(0, channel);
  view.setUint8(4, command | 0x80);
  view.setUint16(5, payload.length);
  first.set(payload.subarray(0, INIT_DATA), INIT_HEADER);
  reports.push(first);
  for (let offset = INIT_DATA, seq = 0; offset < payload.length; offset += CONT_DATA, seq++) {
    const next = new Uint8Array(HID_REPORT_SIZE);
    new DataView(next.buffer).setUint32(0, channel);
    next[4] = seq;
    next.set(payload.subarray(offset, offset + CONT_DATA), CONT_HEADER);
    reports.push(next);
  }
  return reports;
}

/**
 * Reassembles one message from reports. Reports of other channels are not ours (another tab may share the
 * device) and are ignored; a continuation out of sequence, or before any init packet, is a protocol error.
 */
export class HidMessageAssembler {
  private pending?: { channel: number; command: number; payload: Uint8Array; received: number; seq: number };

  /** @param channel the channel to listen on, or null to accept the first init packet of any channel. */
  constructor(private readonly channel: number | null) {}

  /** Adds a report; returns the message once complete. */
  push(report: Uint8Array): HidMessage | null {
    if (report.length < CONT_HEADER) throw protocolError("HID report too short");
    const view = new DataView(report.buffer, report.byteOffset, report.byteLength);
    const channel = view.getUint32(0);
    const expected = this.pending?.channel ?? this.channel;
    if (expected !== null && channel !== expected) return null;

    const type = report[4];
    let pending = this.pending;
    if (type & 0x80) {
      if (pending) throw protocolError("new HID message before the last one ended");
      if (report.length < INIT_HEADER) throw protocolError("HID report too short");
      const length = view.getUint16(5);
      if (length > HID_MAX_MESSAGE) throw protocolError("invalid HID message length");
      const payload = new Uint8Array(length);
      const chunk = report.subarray(INIT_HEADER, INIT_HEADER + Math.min(length, INIT_DATA));
      payload.set(chunk);
      pending = { channel, command: type, payload, received: chunk.length, seq: 0 };
      this.pending = pending;
    } else {
      if (!pending) throw protocolError("HID continuation without an initial packet");
      if (type !== pending.seq) throw protocolError("HID continuation out of sequence");
      const size = Math.min(pending.payload.length - pending.received, CONT_DATA);
      const chunk = report.subarray(CONT_HEADER, CONT_HEADER + size);
      pending.payload.set(chunk, pending.received);
      pending.received += chunk.length;
      pending.seq++;
    }

    if (pending.received < pending.payload.length) return null;
    this.pending = undefined;
    return { channel: pending.channel, command: pending.command, payload: pending.payload };
  }
}

const protocolError = (detail: string) => new CardError("TRANSPORT", { detail });
