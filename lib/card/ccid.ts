// USB CCID bulk messages (CCID rev 1.1 §6.1/§6.2) for readers exposing a vendor-class interface to WebUSB.
// Every message: 10-byte header [type, dwLength LE32, bSlot, bSeq, 3 message-specific bytes] + data.
import { CardError } from "@/lib/card/errors";

export const CCID_HEADER_LENGTH = 10;

export const CCID_MESSAGE_TYPE = {
  PC_TO_RDR_ICC_POWER_ON: 0x62,
  PC_TO_RDR_ICC_POWER_OFF: 0x63,
  PC_TO_RDR_XFR_BLOCK: 0x6f,
  RDR_TO_PC_DATA_BLOCK: 0x80,
  RDR_TO_PC_SLOT_STATUS: 0x81,
} as const;

/** bmICCStatus (bStatus bits 0–1). */
export const ICC_STATUS = { ACTIVE: 0, INACTIVE: 1, ABSENT: 2 } as const;
/** bmCommandStatus (bStatus bits 6–7). */
export const COMMAND_STATUS = { OK: 0, FAILED: 1, TIME_EXTENSION: 2 } as const;
/** bError when the command failed: the card does not answer (mute) or is not there. */
export const CCID_ERROR_ICC_MUTE = 0xfe;

function encodeMessage(type: number, slot: number, seq: number, specific: [number, number, number], data: Uint8Array = new Uint8Array()): Uint8Array {
  const message = new Uint8Array(CCID_HEADER_LENGTH + data.length);
  const view = new DataView(message.buffer);
  view.setUint8(0, type);
  view.setUint32(1, data.length, true);
  view.setUint8(5, slot);
  view.setUint8(6, seq & 0xff);
  message.set(specific, 7);
  message.set(data, CCID_HEADER_LENGTH);
  return message;
}

/** PC_to_RDR_XfrBlock carrying one short APDU (bBWI 0, wLevelParameter 0: the APDU is complete). */
export const encodeXfrBlock = (slot: number, seq: number, apdu: Uint8Array): Uint8Array =>
  encodeMessage(CCID_MESSAGE_TYPE.PC_TO_RDR_XFR_BLOCK, slot, seq, [0, 0, 0], apdu);

/** PC_to_RDR_IccPowerOn with automatic voltage selection; the reader answers a DataBlock holding the ATR. */
export const encodeIccPowerOn = (slot: number, seq: number): Uint8Array =>
  encodeMessage(CCID_MESSAGE_TYPE.PC_TO_RDR_ICC_POWER_ON, slot, seq, [0, 0, 0]);

/** PC_to_RDR_IccPowerOff: drops the card's security state (verified PIN); the reader answers a SlotStatus. */
export const encodeIccPowerOff = (slot: number, seq: number): Uint8Array =>
  encodeMessage(CCID_MESSAGE_TYPE.PC_TO_RDR_ICC_POWER_OFF, slot, seq, [0, 0, 0]);

/** Total message length once the header has arrived, so a reader reply split over transfers can be completed. */
export function ccidMessageLength(bytes: Uint8Array): number | null {
  if (bytes.length < CCID_HEADER_LENGTH) return null;
  return CCID_HEADER_LENGTH + new DataView(bytes.buffer, bytes.byteOffset).getUint32(1, true);
}

/** RDR_to_PC reply (DataBlock or SlotStatus); bStatus and bError as in CCID §6.2.6. Used by reader emulators. */
export function encodeReaderReply(
  reply: { type: number; slot: number; seq: number; status: number; error: number },
  data: Uint8Array = new Uint8Array(),
): Uint8Array {
  return encodeMessage(reply.type, reply.slot, reply.seq, [reply.status, reply.error, 0], data);
}

export type ReaderReply = { kind: "done"; data: Uint8Array } | { kind: "time-extension" };

/**
 * Checks a RDR_to_PC reply against the command it answers (type and echoed bSeq) and interprets bStatus:
 * time extension → the card needs more time, read again; failure → CardError (NO_CARD when absent or mute).
 */
export function parseReaderReply(bytes: Uint8Array, expected: { type: number; seq: number }): ReaderReply {
  const length = ccidMessageLength(bytes);
  if (length === null || bytes.length !== length) throw transportError("CCID message length mismatch");
  const type = bytes[0];
  const seq = bytes[6];
  const status = bytes[7];
  const error = bytes[8];
  if (type !== expected.type) throw transportError(`unexpected CCID message type 0x${type.toString(16)}`);
  if (seq !== (expected.seq & 0xff)) throw transportError("CCID sequence number mismatch");

  const iccStatus = status & 0x03;
  const commandStatus = status >> 6;
  if (commandStatus === COMMAND_STATUS.TIME_EXTENSION) return { kind: "time-extension" };
  if (commandStatus === COMMAND_STATUS.FAILED) {
    if (iccStatus === ICC_STATUS.ABSENT || error === CCID_ERROR_ICC_MUTE) throw new CardError("NO_CARD");
    throw transportError(`CCID bError 0x${error.toString(16)}`);
  }
  return { kind: "done", data: bytes.slice(CCID_HEADER_LENGTH) };
}

const transportError = (detail: string) => new CardError("TRANSPORT", { detail });
