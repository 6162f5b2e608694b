// The admin pages' message namespaces exist in both languages with the same keys, and every audit action
// has a label.
import { describe, expect, test } from "vitest";
import { auditActions } from "@/lib/audit/log";
import en from "@/lib/i18n/messages/en.json";
import zh from "@/lib/i18n/messages/zh-CN.json";

const namespaces = ["adminCommon", "adminReview", "adminManuals", "audit", "adminDashboard", "adminClients", "adminMessage"] as const;

function keys(value: unknown, prefix = ""): string[] {
  if (value === null || typeof value !== "object") return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
}

describe("admin messages", () => {
  test.each(namespaces)("%s has the same keys in Chinese and English", (namespace) => {
    const messages = { zh: zh as Record<string, unknown>, en: en as Record<string, unknown> };
    expect(messages.zh[namespace]).toBeDefined();
    expect(keys(messages.en[namespace]).sort()).toEqual(keys(messages.zh[namespace]).sort());
  });

  test("every audit action has a label", () => {
    expect(Object.keys(zh.audit.action).sort()).toEqual([...auditActions].sort());
  });
});
