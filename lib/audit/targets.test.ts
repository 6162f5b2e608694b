import { describe, expect, test } from "vitest";
import { auditTargetHref, auditTrailHref } from "./targets";

describe("audit targets", () => {
  test("each target type links to the page that shows it; a user or a refused action's name to none", () => {
    expect(auditTargetHref("Subscription", "12")).toBe("/admin/subscriptions/12");
    expect(auditTargetHref("PushMessage", "20260000000000000001")).toBe("/admin/push-messages/20260000000000000001");
    expect(auditTargetHref("ImportClient", "3201000001")).toBe("/admin/import-clients?clientId=3201000001");
    expect(auditTargetHref("Manual", "E32012500001")).toBe("/admin/manuals/E32012500001");
    expect(auditTargetHref("ManualChange", "3")).toBe("/admin/changes/3");
    expect(auditTargetHref("Card", "8600000000011")).toBe("/admin/cards?cardNo=8600000000011");
    expect(auditTargetHref("User", "SW10000001")).toBeNull();
    expect(auditTargetHref("SUBSCRIBE", null)).toBeNull();
    expect(auditTargetHref("Subscription", null)).toBeNull();
    // An id is data, never part of the path's structure.
    expect(auditTargetHref("Manual", "../x?y")).toBe("/admin/manuals/..%2Fx%3Fy");
  });

  test("a trail is the log filtered by the target", () => {
    expect(auditTrailHref("PushMessage", "20260000000000000001")).toBe("/admin/audit?targetType=PushMessage&targetId=20260000000000000001");
    expect(auditTrailHref("Subscription", 12)).toBe("/admin/audit?targetType=Subscription&targetId=12");
  });
});
