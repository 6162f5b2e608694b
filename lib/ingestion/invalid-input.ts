// Invalid ingestion input as a 422 that names every offending field with its refusal.
import type { z } from "zod";
import { issuePath, issueRefusal } from "@/lib/validations/issue-refusal";
import type { Refusal } from "@/lib/errors";
import { IngestionError, type FieldRefusal } from "./errors";

const UNKNOWN_FIELD: Refusal = { key: "validation.unknownField" };

/** At most this many fields are listed; fieldCount tells how many there were. */
export const MAX_LISTED_FIELDS = 1_000;

export function invalidInput(issues: z.core.$ZodIssue[]): IngestionError {
  // An unknown key is reported as its own field, so that every offending field is named.
  const fields: FieldRefusal[] = issues.flatMap((issue) =>
    issue.code === "unrecognized_keys"
      ? issue.keys.map((key) => ({ field: issuePath([...issue.path, key]), refusal: UNKNOWN_FIELD }))
      : [{ field: issuePath(issue.path) || BODY_FIELD, refusal: issueRefusal(issue) }],
  );
  return new IngestionError(
    422,
    "INVALID_INPUT",
    "ingestion.invalidInput",
    { count: fields.length },
    fields.slice(0, MAX_LISTED_FIELDS),
    fields.length,
  );
}

/** The field name of an issue about the request body as a whole. */
const BODY_FIELD = "(body)";
