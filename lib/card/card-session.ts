// Runs the card application's command sequences over any APDU channel (WebHID, WebUSB, virtual card),
// taking care of T=0 style response handling: 6Cxx = resend with Le = xx, 61xx = GET RESPONSE for xx more bytes.
import {
  CARD_FILES,
  type CommandApdu,
  type ResponseApdu,
  encodeCommand,
  getResponseCommand,
  parseResponse,
  readBinaryCommand,
  selectApplicationCommand,
  signDigestCommand,
  statusWordError,
  verifyPinCommand,
} from "@/lib/card/apdu";
import { decodeCardInfo } from "@/lib/card/card-info";
import { CardError } from "@/lib/card/errors";
import type { CardHolderInfo } from "@/lib/card/signer";
import { bytesToHex } from "@/lib/crypto/sm2";

/** A byte pipe to one card: send a command APDU, get the response APDU (data ‖ SW1 SW2). */
export interface ApduChannel {
  transmit(command: Uint8Array): Promise<Uint8Array>;
  close(): Promise<void>;
}

/** A card never needs more than this many GET RESPONSEs for our ≤ 256-byte files; more means a broken card. */
const MAX_RESPONSE_CHUNKS = 32;

export class CardSession {
  constructor(private readonly channel: ApduChannel) {}

  async selectApplication(): Promise<void> {
    await this.exchange(selectApplicationCommand());
  }

  async verifyPin(pin: string): Promise<void> {
    await this.exchange(verifyPinCommand(pin));
  }

  async readCardInfo(): Promise<CardHolderInfo> {
    return decodeCardInfo(await this.exchange(readBinaryCommand(CARD_FILES.INFO)));
  }

  /** The SM2 public key as uncompressed hex (04‖X‖Y). */
  async readPublicKey(): Promise<string> {
    const key = await this.exchange(readBinaryCommand(CARD_FILES.PUBLIC_KEY));
    if (key.length !== 65 || key[0] !== 0x04) throw new CardError("CARD_FAILURE", { detail: "malformed public key" });
    return bytesToHex(key);
  }

  /** Signs a 32-byte digest e = SM3(Z‖M); returns the card's DER signature as hex. */
  async signDigest(digest: Uint8Array): Promise<string> {
    const signature = await this.exchange(signDigestCommand(digest));
    if (signature[0] !== 0x30) throw new CardError("CARD_FAILURE", { detail: "malformed signature" });
    return bytesToHex(signature);
  }

  /** Sends a command and returns its complete response data; throws the CardError of a failing status word. */
  private async exchange(command: CommandApdu): Promise<Uint8Array> {
    let response = await this.transmitWithLeCorrection(command);
    const chunks = [response.data];
    for (let count = 0; response.sw >> 8 === 0x61; count++) {
      if (count === MAX_RESPONSE_CHUNKS) throw new CardError("CARD_FAILURE", { detail: "response too long" });
      response = await this.transmitWithLeCorrection(getResponseCommand(response.sw & 0xff || 256));
      chunks.push(response.data);
    }
    const error = statusWordError(response.sw);
    if (error) throw error;
    return concatBytes(chunks);
  }

  private async transmit(command: CommandApdu): Promise<ResponseApdu> {
    return parseResponse(await this.channel.transmit(encodeCommand(command)));
  }

  private async transmitWithLeCorrection(command: CommandApdu): Promise<ResponseApdu> {
    const response = await this.transmit(command);
    if (response.sw >> 8 !== 0x6c) return response;
    return this.transmit({ ...command, le: response.sw & 0xff || 256 });
  }
}

export function concatBytes(parts: Uint8Array[]): Uint8Array {
  const result = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    result.set(part, offset);
    offset += part.length;
  }
  return result;
}
