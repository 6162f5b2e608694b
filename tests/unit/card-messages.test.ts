import { describe, expect, it } from "vitest";
import { CARD_ERROR_MESSAGES } from "@/lib/card";
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

  it("words every card error in Chinese as the card module does", () => {
    for (const [code, message] of Object.entries(CARD_ERROR_MESSAGES)) {
      expect(zh.card.errors[code as keyof typeof zh.card.errors]).toBe(message);
    }
  });
});
