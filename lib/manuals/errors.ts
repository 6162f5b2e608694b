// Refusals of manual operations, with a code the UI can map and a Chinese message it can show as is.
export type ManualChangeErrorCode = "NOT_FOUND" | "ALREADY_DECIDED" | "OUT_OF_ORDER" | "INVALID_CONTENT";

export class ManualChangeError extends Error {
  constructor(
    readonly code: ManualChangeErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "ManualChangeError";
  }
}
