// A software customs card for development and tests: it answers the same APDUs as a real card (lib/card/apdu.ts)
// with a demo card's development key. It behaves like a strict T=0 card so the host's response handling is
// exercised: READ BINARY with a wrong Le gets 6Cxx, and responses longer than 32 bytes come in 61xx chunks.
import { CARD_FILES, CUSTOMS_CARD_AID, INS, PIN_REFERENCE, SW_OK, decodeCommand, encodeResponse } from "@/lib/card/apdu";
import { encodeCardInfo } from "@/lib/card/card-info";
import type { ApduChannel } from "@/lib/card/card-session";
import { CardError } from "@/lib/card/errors";
import { hexToBytes, sm2SignDigest } from "@/lib/crypto/sm2";
import type { DemoCard } from "@/lib/demo/cards";

export const VIRTUAL_CARD_PIN_TRIES = 5;
/** Minimal ATR: direct convention, no interface bytes, historical bytes "SWCARD01". */
export const VIRTUAL_CARD_ATR = new Uint8Array([0x3b, 0x08, ...new TextEncoder().encode("SWCARD01")]);
const RESPONSE_CHUNK = 32;

const SW = {
  MORE_DATA: 0x6100,
  WRONG_LE: 0x6c00,
  WRONG_LENGTH: 0x6700,
  PIN_WRONG: 0x63c0,
  SECURITY_NOT_SATISFIED: 0x6982,
  PIN_BLOCKED: 0x6983,
  CONDITIONS_NOT_SATISFIED: 0x6985,
  NOT_FOUND: 0x6a82,
  WRONG_P1P2: 0x6a86,
  WRONG_OFFSET: 0x6b00,
  INS_NOT_SUPPORTED: 0x6d00,
  CLA_NOT_SUPPORTED: 0x6e00,
} as const;

const status = (sw: number) => encodeResponse(new Uint8Array(), sw);

export class VirtualCard {
  private triesLeft = VIRTUAL_CARD_PIN_TRIES;
  private selected = false;
  private verified = false;
  private pendingResponse?: Uint8Array;
  private readonly files: Map<number, Uint8Array>;
  private readonly pin: Uint8Array;

  constructor(readonly card: DemoCard) {
    this.files = new Map([
      [CARD_FILES.INFO, encodeCardInfo({ ...card, enterpriseCode: card.enterpriseCustomsCode })],
      [CARD_FILES.PUBLIC_KEY, hexToBytes(card.publicKey)],
    ]);
    this.pin = new TextEncoder().encode(card.pin);
  }

  get pinTriesLeft(): number {
    return this.triesLeft;
  }

  /** Power-on/reset: clears the selected application and PIN state (the tries counter persists). Returns the ATR. */
  reset(): Uint8Array {
    this.selected = false;
    this.verified = false;
    this.pendingResponse = undefined;
    return VIRTUAL_CARD_ATR;
  }

  transmit(bytes: Uint8Array): Uint8Array {
    const command = decodeCommand(bytes);
    if (!command) return status(SW.WRONG_LENGTH);
    const pending = this.pendingResponse;
    this.pendingResponse = undefined; // any command but GET RESPONSE drops unread response data
    if (command.cla !== 0x00) return status(SW.CLA_NOT_SUPPORTED);
    switch (command.ins) {
      case INS.GET_RESPONSE:
        return this.getResponse(pending, command.le);
      case INS.SELECT:
        return this.select(command.p1, command.data);
      case INS.VERIFY:
        return this.verify(command.p1, command.p2, command.data);
      case INS.READ_BINARY:
        return this.readBinary(command.p1, command.p2, command.le);
      case INS.PSO:
        return this.sign(command.p1, command.p2, command.data);
      default:
        return status(SW.INS_NOT_SUPPORTED);
    }
  }

  private select(p1: number, aid?: Uint8Array): Uint8Array {
    if (p1 !== 0x04) return status(SW.WRONG_P1P2);
    this.selected = !!aid && sameBytes(aid, CUSTOMS_CARD_AID);
    this.verified = false;
    return status(this.selected ? SW_OK : SW.NOT_FOUND);
  }

  private verify(p1: number, p2: number, pin?: Uint8Array): Uint8Array {
    if (!this.selected) return status(SW.CONDITIONS_NOT_SATISFIED);
    if (p1 !== 0x00 || p2 !== PIN_REFERENCE) return status(SW.WRONG_P1P2);
    if (this.triesLeft === 0) return status(SW.PIN_BLOCKED);
    if (!pin) return status(this.verified ? SW_OK : SW.PIN_WRONG | this.triesLeft); // tries-left query
    if (sameBytes(pin, this.pin)) {
      this.triesLeft = VIRTUAL_CARD_PIN_TRIES;
      this.verified = true;
      return status(SW_OK);
    }
    this.triesLeft--;
    this.verified = false;
    return status(SW.PIN_WRONG | this.triesLeft);
  }

  private readBinary(p1: number, offset: number, le?: number): Uint8Array {
    if (!this.selected) return status(SW.CONDITIONS_NOT_SATISFIED);
    if (!(p1 & 0x80)) return status(SW.WRONG_P1P2); // only reads by short file identifier
    const file = this.files.get(p1 & 0x1f);
    if (!file) return status(SW.NOT_FOUND);
    if (offset > file.length) return status(SW.WRONG_OFFSET);
    if (le === undefined) return status(SW.WRONG_LENGTH);
    const available = Math.min(file.length - offset, 256);
    if (le !== available) return status(SW.WRONG_LE | (available & 0xff));
    return this.respond(file.slice(offset, offset + available));
  }

  private sign(p1: number, p2: number, digest?: Uint8Array): Uint8Array {
    if (!this.selected) return status(SW.CONDITIONS_NOT_SATISFIED);
    if (p1 !== 0x9e || p2 !== 0x9a) return status(SW.WRONG_P1P2);
    if (this.triesLeft === 0) return status(SW.PIN_BLOCKED);
    if (!this.verified) return status(SW.SECURITY_NOT_SATISFIED);
    if (digest?.length !== 32) return status(SW.WRONG_LENGTH);
    return this.respond(hexToBytes(sm2SignDigest(this.card.privateKey, digest)));
  }

  private getResponse(pending: Uint8Array | undefined, le = 256): Uint8Array {
    if (!pending) return status(SW.CONDITIONS_NOT_SATISFIED);
    if (le > pending.length) {
      this.pendingResponse = pending;
      return status(SW.WRONG_LE | (pending.length & 0xff));
    }
    return this.respond(pending, le);
  }

  /** Sends at most one chunk; the rest waits for GET RESPONSE, announced by 61xx (xx = bytes left, 00 = 256+). */
  private respond(data: Uint8Array, limit = RESPONSE_CHUNK): Uint8Array {
    const size = Math.min(limit, RESPONSE_CHUNK);
    if (data.length <= size) return encodeResponse(data, SW_OK);
    const rest = data.slice(size);
    this.pendingResponse = rest;
    return encodeResponse(data.slice(0, size), SW.MORE_DATA | (Math.min(rest.length, 256) & 0xff));
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

/** A card reader slot holding one of several virtual cards, as a user would swap cards in and out. */
export class VirtualCardSlot {
  private readonly cards: Map<string, VirtualCard>;
  private insertedCardNo: string | null;

  constructor(demoCards: DemoCard[], inserted: string | null = demoCards[0]?.cardNo ?? null) {
    this.cards = new Map(demoCards.map((card) => [card.cardNo, new VirtualCard(card)]));
    this.insertedCardNo = null;
    if (inserted) this.insert(inserted);
  }

  get card(): VirtualCard | null {
    return this.insertedCardNo === null ? null : (this.cards.get(this.insertedCardNo) ?? null);
  }

  get cardNumbers(): string[] {
    return [...this.cards.keys()];
  }

  insert(cardNo: string): void {
    if (!this.cards.has(cardNo)) throw new Error(`no virtual card ${cardNo}`);
    this.insertedCardNo = cardNo;
  }

  remove(): void {
    this.insertedCardNo = null;
  }
}

/** An APDU channel straight to the card in the slot (the "virtual" transport); opening it resets the card. */
export function openVirtualCardChannel(slot: VirtualCardSlot): ApduChannel {
  const card = slot.card;
  if (!card) throw new CardError("NO_CARD");
  card.reset();
  return {
    transmit: async (command) => {
      if (slot.card !== card) throw new CardError("NO_CARD"); // pulled out mid-session
      return card.transmit(command);
    },
    close: async () => {
      card.reset();
    },
  };
}
