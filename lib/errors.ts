// AppError: a refusal with a code and a message the user can read (Chinese). Anything else is a bug and is
// shown as a generic error without details.
export type AppErrorCode = "UNAUTHORIZED" | "FORBIDDEN" | "NOT_FOUND" | "INVALID_INPUT" | "SIGNATURE_INVALID" | "CONFLICT" | "RULE_VIOLATION";

export class AppError extends Error {
  constructor(
    public readonly code: AppErrorCode,
    message: string,
    /** Field path → message, for errors shown next to a form field. */
    public readonly fieldErrors?: Record<string, string>,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export type ActionResult<T = object> = ({ ok: true } & T) | { ok: false; error: string; code?: AppErrorCode; fieldErrors?: Record<string, string> };

export const GENERIC_ERROR = "系统繁忙，请稍后重试";
