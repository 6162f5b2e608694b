// The plain statement of a signed act (docs/signing.md): phrases of the `statements` messages with their
// values. The Chinese text is what the card signs, rendered here from zh-CN.json; the UI shows a translation
// of the same phrases beside it in other languages.
import { createTranslator } from "next-intl";
import zhCN from "@/lib/i18n/messages/zh-CN.json";

export type StatementKey = keyof (typeof zhCN)["statements"];

export interface StatementPhrase {
  key: StatementKey;
  values?: Record<string, string | number>;
}

const zh = createTranslator({ locale: "zh-CN", messages: zhCN, namespace: "statements" });

/** Phrases join with a Chinese comma in the signed text (with "; " in the dialog's translation, signed-statement.tsx). */
export const signedStatement = (phrases: readonly StatementPhrase[]): string => phrases.map((phrase) => zh(phrase.key, phrase.values)).join("，");
