// The card dialog's steps as plain data, so the rules of the flow (which card an action takes, what happens
// after each failure, how an error is worded) are testable without a browser.
import type { CardError, CardErrorCode, CardInfo, TransportStatus } from "@/lib/card";
import type { CardKind } from "@/lib/signing/define";

/** e-port PINs are 8 digits; checking here saves a wrong-PIN count on the card for a typo. */
const CARD_PIN_PATTERN = /^\d{8}$/;
export const isValidCardPin = (pin: string): boolean => CARD_PIN_PATTERN.test(pin);

export type SigningStep = "reading" | "verifying" | "signing";

export type SigningFlowState =
  /** Choosing the transport (and, for the virtual card, which card is inserted) before reading the card. */
  | { phase: "select"; error?: CardError }
  | { phase: "busy"; step: SigningStep; card?: CardInfo }
  /** The card is read and accepted; waiting for its PIN. */
  | { phase: "pin"; card: CardInfo; error?: CardError };

export const initialSigningFlow: SigningFlowState = { phase: "select" };

/**
 * Where the flow goes after a failure. Only a wrong PIN keeps the open card session for another try; after
 * anything else (locked card, card pulled out, wrong card, device error) the session is closed and the user
 * starts again from the transport choice.
 */
export function stateAfterFailure(state: SigningFlowState, error: CardError): SigningFlowState {
  if (error.code === "WRONG_PIN" && state.phase === "busy" && state.card) {
    return { phase: "pin", card: state.card, error };
  }
  return { phase: "select", error };
}

/** Which card an action takes (its definition's card kinds, sent with the challenge), for the prompt and the early check (the server checks again). */
export function cardRequirement(kinds: readonly CardKind[]): {
  legalPersonOnly: boolean;
  prompt: "insertLegalPersonCard" | "insertAnyCard";
} {
  const legalPersonOnly = !kinds.includes("OPERATOR");
  return { legalPersonOnly, prompt: legalPersonOnly ? "insertLegalPersonCard" : "insertAnyCard" };
}

/**
 * The translation key and values for a card error (messages `card.errors.<code>`), plus the technical detail
 * the transport attached (e.g. the e-port client's own text), which is shown as it is.
 */
export function describeCardError(error: CardError): {
  key: `errors.${CardErrorCode}` | "errors.WRONG_PIN_NO_COUNT";
  values: { triesLeft?: number };
  detail?: string;
} {
  const key = error.code === "WRONG_PIN" && error.triesLeft === undefined ? "errors.WRONG_PIN_NO_COUNT" : (`errors.${error.code}` as const);
  return { key, values: error.triesLeft === undefined ? {} : { triesLeft: error.triesLeft }, detail: error.detail };
}

export type TransportHint = "ready" | "chooseDevice" | "notDetected" | "unsupported";

/** What the transport choice says about each transport. */
export function transportHint(status: TransportStatus): TransportHint {
  if (status.ready) return "ready";
  if (status.available) return "chooseDevice"; // WebHID/WebUSB: the browser asks for the device on first use
  return status.kind === "eport" ? "notDetected" : "unsupported";
}

/**
 * The e-port stays selectable when its probe failed: the user may start the client after the dialog opened,
 * and trying it then gives a clear EPORT_UNAVAILABLE. A browser without WebHID/WebUSB cannot use them at all.
 */
export const isTransportSelectable = (status: TransportStatus): boolean => status.available || status.kind === "eport";
