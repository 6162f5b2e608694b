// A refused action (or card signature) on the form that sent it: each field's message beside its field, and a
// message that names no field on `general` (a field, or "root" for the form as a whole).
import type { FieldPath, FieldValues, UseFormSetError } from "react-hook-form";

export function showActionErrors<T extends FieldValues>(
  setError: UseFormSetError<T>,
  failure: { error?: string; fieldErrors?: Record<string, string> },
  general: FieldPath<T> | "root",
): void {
  const fieldErrors = Object.entries(failure.fieldErrors ?? {});
  for (const [field, message] of fieldErrors) setError(field as FieldPath<T>, { type: "server", message });
  if (fieldErrors.length === 0 && failure.error) setError(general, { type: "server", message: failure.error });
}
