// next-intl without locale routing: the locale comes from a cookie set by the language switch; zh-CN default.
import { getRequestConfig } from "next-intl/server";
import { requestLocale } from "./request-locale";

export default getRequestConfig(async () => {
  const locale = await requestLocale();
  return {
    locale,
    timeZone: "Asia/Shanghai",
    messages: (await import(`./messages/${locale}.json`)).default,
  };
});
