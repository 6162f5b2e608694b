import { describe, expect, test } from "vitest";
import { clientIp } from "./client-ip";

describe("client IP", () => {
  test("is the last X-Forwarded-For entry, the one the nearest proxy appended, not what the client claimed", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "1.2.3.4, 10.0.0.7" }))).toBe("10.0.0.7");
    expect(clientIp(new Headers({ "x-forwarded-for": "::ffff:127.0.0.1" }))).toBe("::ffff:127.0.0.1");
    expect(clientIp(new Headers())).toBeNull();
    expect(clientIp(new Headers({ "x-forwarded-for": "1.2.3.4, " }))).toBeNull();
  });
});
