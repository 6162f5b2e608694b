// Renders refusals (lib/errors.ts) in a locale, from the same message files the pages use; for server actions
// and API routes, which answer in the user's language.
import { createTranslator } from "next-intl";
import type { ActionFailure, AppError, Refusal } from "@/lib/errors";
import en from "./messages/en.json";
import zhCN from "./messages/zh-CN.json";
import { defaultLocale, type Locale } from "./locales";

const translators = {
  "zh-CN": createTranslator({ locale: "zh-CN", messages: zhCN, namespace: "errors" }),
  en: createTranslator({ locale: "en", messages: en, namespace: "errors" }),
};

export function renderRefusal(refusal: Refusal, locale: Locale = defaultLocale): string {
  return translators[locale](refusal.key, refusal.values);
}

/** Whether text is a refusal key (a schema's message is one; zod's own messages are not). */
export const isRefusalKey = (text: string): text is Refusal["key"] => translators[defaultLocale].has(text as Refusal["key"]);

export function renderAppError(error: AppError, locale: Locale = defaultLocale): ActionFailure {
  const fieldErrors = error.fieldErrors
    ? Object.fromEntries(Object.entries(error.fieldErrors).map(([field, refusal]) => [field, renderRefusal(refusal, locale)]))
    : undefined;
  return { ok: false, error: renderRefusal(error.refusal, locale), code: error.code, reason: error.refusal.key, fieldErrors };
}
