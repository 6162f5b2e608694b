// Invalid ingestion input as a 422 that names every offending field with its Chinese message.
import type { z } from "zod";
import { issuePath } from "@/lib/validations/chinese-issues";
import { IngestionError, type FieldError } from "./errors";

/** At most this many fields are listed; fieldCount tells how many there were. */
export const MAX_LISTED_FIELDS = 1_000;

export function invalidInput(issues: z.core.$ZodIssue[]): IngestionError {
  // An unknown key is reported as its own field, so that every offending field is named.
  const fields: FieldError[] = issues.flatMap((issue) =>
    issue.code === "unrecognized_keys"
      ? issue.keys.map((key) => ({ field: issuePath([...issue.path, key]), message: "不支持的字段" }))
      : [{ field: issuePath(issue.path) || "(请求体)", message: issue.message }],
  );
  return new IngestionError(422, "INVALID_INPUT", `请求内容有 ${fields.length} 处错误`, fields.slice(0, MAX_LISTED_FIELDS), fields.length);
}
