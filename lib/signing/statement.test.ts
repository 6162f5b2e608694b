import { createTranslator } from "next-intl";
import { describe, expect, test } from "vitest";
import en from "@/lib/i18n/messages/en.json";
import { signedStatement, type StatementPhrase } from "./statement";

const subscribeBoth: StatementPhrase[] = [
  { key: "subscribeStock", values: { emsNo: "E32012500001", materials: "1-100", products: "1-50" } },
  { key: "incrementalUntil", values: { validUntil: "2027-06-30 23:59:59" } },
  { key: "pushTo", values: { clientId: "3201000001" } },
];

describe("signed statement", () => {
  test("a stock and incremental subscription reads as issue 16 writes it", () => {
    expect(signedStatement(subscribeBoth)).toBe(
      "订阅 账册号 E32012500001 存量 料件[1-100] 成品[1-50]，增量至 2027-06-30 23:59:59，推送至导入客户端 3201000001",
    );
  });

  test("a table not chosen is left out, a whole table says so", () => {
    const phrases: StatementPhrase[] = [{ key: "subscribeStock", values: { emsNo: "E32012500001", materials: "none", products: "all" } }];
    expect(signedStatement(phrases)).toBe("订阅 账册号 E32012500001 存量 成品[全部]");
  });

  test("every phrase has an English translation with the same values", () => {
    const t = createTranslator({ locale: "en", messages: en, namespace: "statements" });
    expect(subscribeBoth.map((p) => t(p.key, p.values)).join(", ")).toBe(
      "Subscribe to manual E32012500001, stock materials [1-100] products [1-50], increments until 2027-06-30 23:59:59, pushed to import client 3201000001",
    );
  });
});
