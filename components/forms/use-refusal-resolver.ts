"use client";

// The forms' resolver: the same schema as the server, each issue rendered as the server renders it
// (lib/validations/issue-refusal.ts → messages `errors.*`), with its values, in the user's language.
import { toNestErrors, validateFieldsNatively } from "@hookform/resolvers";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import type { FieldError, FieldErrors, FieldValues, Resolver } from "react-hook-form";
import type { z } from "zod";
import { issueRefusal, REPORT_INPUT } from "@/lib/validations/issue-refusal";

export function useRefusalResolver<T extends FieldValues>(schema: z.ZodType<T>): Resolver<T> {
  const t = useTranslations("errors");
  return useMemo<Resolver<T>>(
    () => async (values, _context, options) => {
      const parsed = await schema.safeParseAsync(values, REPORT_INPUT);
      if (parsed.success) {
        if (options.shouldUseNativeValidation) validateFieldsNatively({}, options);
        return { values: parsed.data, errors: {} };
      }
      const errors: Record<string, FieldError> = {};
      for (const issue of parsed.error.issues) {
        const refusal = issueRefusal(issue);
        errors[issue.path.join(".")] ??= { type: issue.code, message: t(refusal.key, refusal.values) };
      }
      return { values: {}, errors: toNestErrors(errors as FieldErrors, options) };
    },
    [schema, t],
  );
}
