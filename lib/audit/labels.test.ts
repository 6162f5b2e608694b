// Every audit action has a label in the message files (the parity of the two files: lib/i18n/messages.test.ts).
import { expect, test } from "vitest";
import { auditActions } from "@/lib/audit/log";
import zh from "@/lib/i18n/messages/zh-CN.json";

test("every audit action has a label", () => {
  expect(Object.keys(zh.audit.action).sort()).toEqual([...auditActions].sort());
});
