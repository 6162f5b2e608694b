// Refusals of push operations, with a code the UI can map and a Chinese message it can show as is.
export type PushErrorCode = "NOT_FOUND" | "INVALID";

export class PushError extends Error {
  constructor(
    readonly code: PushErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "PushError";
  }
}
