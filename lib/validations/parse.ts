// Parses input with a schema or throws AppError(INVALID_INPUT) with a refusal per field; text PostgreSQL cannot
// store is refused before the schema sees it. Used by every action wrapper and by domain functions that take
// input from outside.
import type { z } from "zod";
import { AppError, type Refusal } from "@/lib/errors";
import { issueRefusal, REPORT_INPUT } from "./issue-refusal";
import { holdsUnstorableText } from "./storable-text";

export function parseOrThrow<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  if (holdsUnstorableText(input)) throw new AppError("INVALID_INPUT", "validation.unstorableText");
  const parsed = schema.safeParse(input, REPORT_INPUT);
  if (parsed.success) return parsed.data;
  const fieldErrors: Record<string, Refusal> = {};
  for (const issue of parsed.error.issues) fieldErrors[issue.path.join(".")] ??= issueRefusal(issue);
  const first = issueRefusal(parsed.error.issues[0]);
  throw new AppError("INVALID_INPUT", first.key, first.values, fieldErrors);
}
