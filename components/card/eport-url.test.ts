import { describe, expect, it } from "vitest";
import { resolveEportUrl } from "@/components/card/eport-url";
import { EPORT_URL } from "@/lib/card/eport-protocol";

describe("resolveEportUrl", () => {
  it("uses the test override where the virtual card is allowed", () => {
    expect(resolveEportUrl({ overrideAllowed: true, override: "ws://127.0.0.1:40123" })).toBe("ws://127.0.0.1:40123");
    expect(resolveEportUrl({ overrideAllowed: true, override: "ws://localhost:40123" })).toBe("ws://localhost:40123");
  });

  it("ignores the override in production", () => {
    expect(resolveEportUrl({ overrideAllowed: false, override: "ws://127.0.0.1:40123" })).toBe(EPORT_URL);
  });

  it("ignores anything but a loopback WebSocket", () => {
    for (const override of ["ws://evil.example:61232", "wss://127.0.0.1:61232", "http://127.0.0.1:61232", "not a url", 42, undefined]) {
      expect(resolveEportUrl({ overrideAllowed: true, override })).toBe(EPORT_URL);
    }
  });
});
