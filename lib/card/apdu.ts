// ISO 7816-4 short APDUs: command encoding, response parsing, status words → CardError, and the card's
// application layout (AID, files, PIN reference, sign command). See lib/card/README.md.
import { CardError } from "@/lib/card/errors";

/** Proprietary AID ('F' = unregistered RID): F0 "SWCARD" 01. */
export const CUSTOMS_CARD_AID = new Uint8Array([0xf0, 0x53, 0x57, 0x43, 0x41, 0x52, 0x44, 0x01]);

/** Short file identifiers of the application's transparent EFs. */
export const CARD_FILES = {
  /** Card info: BER-TLV, see encodeCardInfo. */
  INFO: 0x01,
  /** SM2 public key: 65 bytes, uncompressed point 04‖X‖Y. */
  PUBLIC_KEY: 0x02,
} as const;

/** VERIFY P2: specific (application) reference data, the card's PIN. */
export const PIN_REFERENCE = 0x81;

export const INS = {
  SELECT: 0xa4,
  VERIFY: 0x20,
  READ_BINARY: 0xb0,
  GET_RESPONSE: 0xc0,
  /** PERFORM SECURITY OPERATION; with P1P2 = 9E9A: COMPUTE DIGITAL SIGNATURE (ISO 7816-8). */
  PSO: 0x2a,
} as const;

export const SW_OK = 0x9000;

export interface CommandApdu {
  cla?: number;
  ins: number;
  p1: number;
  p2: number;
  data?: Uint8Array;
  /** Expected response length, 1..256 (256 is encoded as 00). Omit for no response data. */
  le?: number;
}

/** Encodes a short APDU (cases 1–4). */
export function encodeCommand({ cla = 0x00, ins, p1, p2, data, le }: CommandApdu): Uint8Array {
  if (data && (data.length === 0 || data.length > 255)) throw new RangeError("APDU data must be 1..255 bytes");
  if (le !== undefined && (le < 1 || le > 256)) throw new RangeError("Le must be 1..256");
  const bytes = [cla, ins, p1, p2];
  if (data) bytes.push(data.length, ...data);
  if (le !== undefined) bytes.push(le & 0xff);
  return new Uint8Array(bytes);
}

/** Decodes a short command APDU (the card side of encodeCommand); null when malformed. */
export function decodeCommand(bytes: Uint8Array): (CommandApdu & { cla: number }) | null {
  if (bytes.length < 4) return null;
  const [cla, ins, p1, p2] = bytes;
  const command = { cla, ins, p1, p2 };
  if (bytes.length === 4) return command; // case 1
  if (bytes.length === 5) return { ...command, le: bytes[4] || 256 }; // case 2
  const lc = bytes[4];
  if (lc === 0) return null; // extended length: not supported
  if (bytes.length === 5 + lc) return { ...command, data: bytes.slice(5) }; // case 3
  if (bytes.length === 6 + lc) return { ...command, data: bytes.slice(5, 5 + lc), le: bytes[5 + lc] || 256 }; // case 4
  return null;
}

export interface ResponseApdu {
  data: Uint8Array;
  sw: number;
}

export function parseResponse(bytes: Uint8Array): ResponseApdu {
  if (bytes.length < 2) throw new CardError("TRANSPORT", { detail: "response shorter than a status word" });
  const n = bytes.length;
  return { data: bytes.slice(0, n - 2), sw: (bytes[n - 2] << 8) | bytes[n - 1] };
}

export function encodeResponse(data: Uint8Array, sw: number): Uint8Array {
  const bytes = new Uint8Array(data.length + 2);
  bytes.set(data);
  bytes[data.length] = sw >> 8;
  bytes[data.length + 1] = sw & 0xff;
  return bytes;
}

export const formatStatusWord = (sw: number): string => sw.toString(16).toUpperCase().padStart(4, "0");

/**
 * The error a final status word stands for, or null for 9000.
 * 61xx and 6Cxx are not final: CardSession handles them before calling this.
 */
export function statusWordError(sw: number): CardError | null {
  if (sw === SW_OK) return null;
  const statusWord = sw;
  if ((sw & 0xfff0) === 0x63c0) {
    const triesLeft = sw & 0x0f;
    return triesLeft === 0 ? new CardError("LOCKED", { statusWord }) : new CardError("WRONG_PIN", { triesLeft, statusWord });
  }
  switch (sw) {
    case 0x6983: // authentication method blocked
      return new CardError("LOCKED", { statusWord });
    case 0x6982: // security status not satisfied
      return new CardError("PIN_NOT_VERIFIED", { statusWord });
    case 0x6a82: // file or application not found
      return new CardError("NOT_CUSTOMS_CARD", { statusWord });
    case 0x6d00: // instruction not supported
    case 0x6e00: // class not supported
      return new CardError("NOT_SUPPORTED", { statusWord });
    default: // e.g. 6700 wrong length, 6A86 incorrect P1-P2, 6985 conditions of use not satisfied
      return new CardError("CARD_FAILURE", { statusWord, detail: `SW ${formatStatusWord(sw)}` });
  }
}

// ---- Commands of the card application ----

export const selectApplicationCommand = (): CommandApdu => ({
  ins: INS.SELECT,
  p1: 0x04, // select by DF name (AID)
  p2: 0x0c, // first occurrence, no FCI returned
  data: CUSTOMS_CARD_AID,
});

/** The PIN travels as ASCII; e-port cards use 8 digits, but any 4–16 printable ASCII characters pass here. */
export function verifyPinCommand(pin: string): CommandApdu {
  if (!/^[\x21-\x7e]{4,16}$/.test(pin)) throw new CardError("PIN_FORMAT");
  return { ins: INS.VERIFY, p1: 0x00, p2: PIN_REFERENCE, data: new TextEncoder().encode(pin) };
}

/** READ BINARY from offset 0 of a file selected by short file identifier (P1 = 0x80 | SFI). */
export const readBinaryCommand = (sfi: number, le = 256): CommandApdu => ({
  ins: INS.READ_BINARY,
  p1: 0x80 | sfi,
  p2: 0x00,
  le,
});

export const getResponseCommand = (le: number): CommandApdu => ({ ins: INS.GET_RESPONSE, p1: 0x00, p2: 0x00, le });

/** PSO: COMPUTE DIGITAL SIGNATURE over a 32-byte SM2 digest e; the card answers a DER signature. */
export const signDigestCommand = (digest: Uint8Array): CommandApdu => ({
  ins: INS.PSO,
  p1: 0x9e, // response: digital signature
  p2: 0x9a, // command data: data to be signed (here the digest e)
  data: digest,
  le: 256,
});
