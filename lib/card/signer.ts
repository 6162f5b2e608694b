// The one interface every card backend implements, and the card facts a signed action checks.
import { CardError } from "@/lib/card/errors";

export type CardKind = "LEGAL_PERSON" | "OPERATOR";

/** What the card itself says about its holder. */
export interface CardHolderInfo {
  cardNo: string;
  kind: CardKind;
  holder: string;
  /** The enterprise's 10-character customs code. */
  enterpriseCode: string;
}

export interface CardInfo extends CardHolderInfo {
  /** SM2 public key, uncompressed (04‖X‖Y), hex. */
  publicKeyHex: string;
  /** The signing certificate (or, from the development e-port emulator, an SPKI "PUBLIC KEY" block). */
  certificatePem?: string;
}

export type CardTransportKind = "webhid" | "webusb" | "eport" | "virtual";

export interface Signer {
  readonly transport: CardTransportKind;
  /** Reads the card number, kind, holder and public key. Cheap to call again. */
  readCard(): Promise<CardInfo>;
  /** Throws CardError WRONG_PIN (with triesLeft) or LOCKED. */
  verifyPin(pin: string): Promise<void>;
  /** SM2-with-SM3 signature (user id 1234567812345678) over the message, DER hex. Needs a verified PIN. */
  sign(message: Uint8Array): Promise<string>;
  /** Releases the device or connection; pending operations fail with CANCELLED. */
  close(): Promise<void>;
}

/**
 * Early, user-facing check that the inserted card fits the action (the server checks again against the
 * card registration): it must belong to the acting enterprise and, where required, be a legal-person card.
 */
export function assertCardAccepted(card: CardHolderInfo, expected: { enterpriseCode?: string; legalPersonOnly?: boolean }): void {
  if (expected.enterpriseCode !== undefined && card.enterpriseCode !== expected.enterpriseCode) {
    throw new CardError("WRONG_ENTERPRISE");
  }
  if (expected.legalPersonOnly && card.kind !== "LEGAL_PERSON") throw new CardError("NOT_LEGAL_PERSON");
}
