// Card errors as stable codes; the words the user reads are in the message files (card.errors.<code>), in
// the user's language. `detail` carries the technical cause (a status word, the e-port client's own text).

export const CARD_ERROR_CODES = [
  "NO_CARD",
  "WRONG_PIN",
  "LOCKED",
  "PIN_FORMAT",
  "PIN_NOT_VERIFIED",
  "NOT_CUSTOMS_CARD",
  "WRONG_ENTERPRISE",
  "NOT_LEGAL_PERSON",
  "NOT_SUPPORTED",
  "EPORT_UNAVAILABLE",
  "TRANSPORT",
  "TIMEOUT",
  "CANCELLED",
  "CARD_FAILURE",
] as const;

export type CardErrorCode = (typeof CARD_ERROR_CODES)[number];

export const isCardErrorCode = (value: string): value is CardErrorCode => (CARD_ERROR_CODES as readonly string[]).includes(value);

export interface CardErrorDetails {
  /** PIN tries left, for WRONG_PIN. */
  triesLeft?: number;
  /** ISO 7816 status word that caused the error, when one did. */
  statusWord?: number;
  /** Extra technical detail (e.g. the e-port client's own message), shown beside the translated message. */
  detail?: string;
}

export class CardError extends Error {
  readonly code: CardErrorCode;
  readonly triesLeft?: number;
  readonly statusWord?: number;
  readonly detail?: string;

  constructor(code: CardErrorCode, details: CardErrorDetails = {}) {
    // The message is for logs and developers; the UI renders the code (components/card/signing-flow.ts).
    super(details.detail ? `${code}: ${details.detail}` : code);
    this.name = "CardError";
    this.code = code;
    this.triesLeft = details.triesLeft;
    this.statusWord = details.statusWord;
    this.detail = details.detail;
  }
}

/** Wraps anything thrown by a transport into a CardError, keeping CardErrors as they are. */
export function toCardError(error: unknown, fallback: CardErrorCode = "TRANSPORT"): CardError {
  if (error instanceof CardError) return error;
  const detail = error instanceof Error ? error.message : undefined;
  return new CardError(fallback, { detail });
}
