// Translations outside React rendering (route handlers, e.g. CSV headers): the locale from the same cookie
// lib/i18n/request.ts reads, the messages from the same files.
import { createTranslator } from "next-intl";
import { defaultLocale, isLocale, LOCALE_COOKIE, type Locale } from "./locales";

export function localeOf(request: Request): Locale {
  const cookie = request.headers.get("cookie") ?? "";
  const value = cookie
    .split(/;\s*/)
    .find((pair) => pair.startsWith(`${LOCALE_COOKIE}=`))
    ?.slice(LOCALE_COOKIE.length + 1);
  return isLocale(value) ? value : defaultLocale;
}

export async function translatorFor(request: Request) {
  const locale = localeOf(request);
  const messages = (await import(`./messages/${locale}.json`)).default;
  return createTranslator({ locale, messages, timeZone: "Asia/Shanghai" });
}

export type ServerTranslator = Awaited<ReturnType<typeof translatorFor>>;
