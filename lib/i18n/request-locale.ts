// The language of the current request: the language switch's cookie, zh-CN by default. Pages (request.ts) and
// the action wrappers, which render refusals in it, read it here.
import { cookies } from "next/headers";
import { defaultLocale, isLocale, LOCALE_COOKIE, type Locale } from "./locales";

export async function requestLocale(): Promise<Locale> {
  const cookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  return isLocale(cookie) ? cookie : defaultLocale;
}
