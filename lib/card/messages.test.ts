import { describe, expect, it } from "vitest";
import { CARD_ERROR_CODES } from "@/lib/card";
import en from "@/lib/i18n/messages/en.json";
import zh from "@/lib/i18n/messages/zh-CN.json";

const keyPaths = (value: unknown, prefix = ""): string[] =>
  value !== null && typeof value === "object"
    ? Object.entries(value).flatMap(([key, child]) => keyPaths(child, `${prefix}${key}.`))
    : [prefix.slice(0, -1)];

describe("card messages", () => {
  it("has the same keys in every language", () => {
    expect(keyPaths(en.card).sort()).toEqual(keyPaths(zh.card).sort());
  });

  it("words every card error code in both languages", () => {
    for (const code of CARD_ERROR_CODES) {
      expect(zh.card.errors[code], code).toBeTruthy();
      expect(en.card.errors[code], code).toBeTruthy();
    }
  });

  it("tells the user what to do about the wrong card, not only that it is wrong", () => {
    expect(zh.card.errors.NOT_LEGAL_PERSON).toContain("操作员卡");
    expect(zh.card.errors.NOT_LEGAL_PERSON).toContain("法人卡");
    expect(zh.card.errors.WRONG_ENTERPRISE).toContain("其他企业");
  });
});
