// Refusals of manual operations, with a code the admin wrapper maps to an AppError kind and a refusal key
// (errors.manuals.*) the UI renders.
import type { RefusalKey, RefusalValues } from "@/lib/errors";

export type ManualChangeErrorCode = "NOT_FOUND" | "ALREADY_DECIDED" | "OUT_OF_ORDER" | "INVALID_CONTENT";

export class ManualChangeError extends Error {
  constructor(
    readonly code: ManualChangeErrorCode,
    readonly reason: RefusalKey,
    readonly values?: RefusalValues,
    /** The change refused, which the audit entry of the refusal names as its target. */
    readonly manualChangeId?: number,
  ) {
    super(values ? `${reason} ${JSON.stringify(values)}` : reason);
    this.name = "ManualChangeError";
  }
}
