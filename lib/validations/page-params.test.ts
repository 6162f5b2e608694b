// Keyset cursors come from the address bar: one beyond PostgreSQL's integer would fail the list's query, so
// it means the first page like any other malformed cursor.
import { describe, expect, test } from "vitest";
import { ZClientListQuery } from "@/lib/validations/import-client";
import { afterInteger } from "@/lib/validations/page-params";
import { ZPushLogCursor } from "@/lib/validations/push-log";
import { ZSubscriptionListQuery } from "@/lib/validations/subscription-filters";

const tooLarge = "2147483648";
const largest = "2147483647";

describe("keyset cursors", () => {
  test("records: a malformed page number means the first page", () => {
    for (const page of ["0", "-3", "abc", "99999999999"]) expect(ZSubscriptionListQuery.parse({ page }).page).toBeUndefined();
    expect(ZSubscriptionListQuery.parse({ page: "7" }).page).toBe(7);
  });

  test("import-client list: a cursor beyond integer range or malformed means the first page", () => {
    for (const schema of [ZClientListQuery]) {
      expect(schema.parse({ after: tooLarge }).after).toBeUndefined();
      expect(schema.parse({ after: "99999999999" }).after).toBeUndefined();
      expect(schema.parse({ after: "-3" }).after).toBeUndefined();
      expect(schema.parse({ after: "abc" }).after).toBeUndefined();
      expect(schema.parse({ after: largest }).after).toBe(2147483647);
    }
  });

  test("admin lists paged by an integer key", () => {
    expect(afterInteger({ after: tooLarge })).toBeNull();
    expect(afterInteger({ after: ["12", "13"] })).toBe(12);
    expect(afterInteger({})).toBeNull();
  });

  test("push log: the cursor's id is refused beyond integer range", () => {
    const at = "2026-11-01T00:00:00.000Z";
    expect(ZPushLogCursor.safeParse({ at, id: tooLarge }).success).toBe(false);
    expect(ZPushLogCursor.safeParse({ at, id: "0" }).success).toBe(false);
    expect(ZPushLogCursor.parse({ at, id: largest }).id).toBe(2147483647);
  });
});
