// A zod issue as a refusal (lib/errors.ts): a schema's own message is already a refusal key (e.g.
// "identifiers.emsNo"); zod's built-in checks, met by input no form of ours would send, map to
// errors.validation.* with their limits as values. The server and the forms render the same keys.
import type { z } from "zod";
import type { Refusal, RefusalValues } from "@/lib/errors";
import { isRefusalKey } from "@/lib/i18n/refusal";

/** Parse options that keep each issue's input, which tells a missing value from one of the wrong type. */
export const REPORT_INPUT = { reportInput: true } as const;

const sized = (origin: string) => origin === "string" || origin === "array" || origin === "set";

function builtInRefusal(issue: z.core.$ZodIssue): Refusal {
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined || issue.expected === "nonoptional"
        ? { key: "validation.required" }
        : { key: "validation.type", values: { expected: issue.expected } };
    case "too_small":
      if (issue.origin === "string" && Number(issue.minimum) === 1) return { key: "validation.empty" };
      if (sized(issue.origin))
        return { key: issue.origin === "string" ? "validation.minLength" : "validation.minItems", values: { minimum: Number(issue.minimum) } };
      return { key: issue.inclusive === false ? "validation.greaterThan" : "validation.atLeast", values: { minimum: Number(issue.minimum) } };
    case "too_big":
      if (sized(issue.origin))
        return { key: issue.origin === "string" ? "validation.maxLength" : "validation.maxItems", values: { maximum: Number(issue.maximum) } };
      return { key: issue.inclusive === false ? "validation.lessThan" : "validation.atMost", values: { maximum: Number(issue.maximum) } };
    case "invalid_value":
      return { key: "validation.oneOf", values: { values: issue.values.map(String).join(" / ") } };
    case "unrecognized_keys":
      return { key: "validation.unknownFields", values: { fields: issue.keys.join(", ") } };
    case "invalid_union":
      return { key: "validation.union" };
    default:
      return { key: "validation.format" };
  }
}

/** A schema's own key gets the check's limit ({minimum}, {maximum}) or a custom issue's `params` as values. */
function schemaValues(issue: z.core.$ZodIssue): RefusalValues | undefined {
  if (issue.code === "custom") return issue.params;
  if (issue.code === "too_big") return { maximum: Number(issue.maximum) };
  if (issue.code === "too_small") return { minimum: Number(issue.minimum) };
  return undefined;
}

export function issueRefusal(issue: z.core.$ZodIssue): Refusal {
  if (!isRefusalKey(issue.message)) return builtInRefusal(issue);
  const values = schemaValues(issue);
  return values ? { key: issue.message, values } : { key: issue.message };
}

/** `materials[3].gdecd` from ["materials", 3, "gdecd"]. */
export function issuePath(path: PropertyKey[]): string {
  return path.reduce<string>((text, key) => (typeof key === "number" ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)), "");
}
