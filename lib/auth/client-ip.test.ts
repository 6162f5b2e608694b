import { describe, expect, test } from "vitest";
import { clientIp, normalizeIp, parseTrustedProxies } from "./client-ip";

// The web process appends the socket's peer (scripts/lib/socket-peer.cjs), so the last entry is the peer.
const xff = (value: string) => new Headers({ "x-forwarded-for": value });
const none = parseTrustedProxies([]);

describe("client IP", () => {
  test("without trusted proxies it is the socket's peer, whatever X-Forwarded-For the client sent", () => {
    expect(clientIp(xff("1.2.3.4, 203.0.113.9"), none)).toBe("203.0.113.9");
    expect(clientIp(xff("203.0.113.9"), none)).toBe("203.0.113.9");
    expect(clientIp(new Headers(), none)).toBeNull();
  });

  test("with trusted proxies it walks from the right past them and takes the first untrusted address", () => {
    const trusted = parseTrustedProxies(["10.0.0.0/8", "2001:db8::1"]);
    expect(clientIp(xff("6.6.6.6, 198.51.100.7, 10.0.0.5"), trusted)).toBe("198.51.100.7");
    expect(clientIp(xff("6.6.6.6, 198.51.100.7, 10.1.2.3, 10.0.0.5"), trusted)).toBe("198.51.100.7");
    expect(clientIp(xff("198.51.100.7, 2001:DB8:0::1"), trusted)).toBe("198.51.100.7");
    // The peer is not a trusted proxy: what it sent is not believed.
    expect(clientIp(xff("6.6.6.6, 198.51.100.8"), trusted)).toBe("198.51.100.8");
    // Only trusted hops: the leftmost one.
    expect(clientIp(xff("10.9.9.9, 10.0.0.5"), trusted)).toBe("10.9.9.9");
    // A trusted proxy passing on garbage: its own address, never the garbage.
    expect(clientIp(xff("<script>, 10.0.0.5"), trusted)).toBe("10.0.0.5");
    expect(clientIp(xff(`${"9".repeat(100)}, 10.0.0.5`), trusted)).toBe("10.0.0.5");
  });

  test("is a real IP in one canonical form, at most 64 characters, before it reaches the audit log", () => {
    expect(normalizeIp(" ::ffff:127.0.0.1 ")).toBe("127.0.0.1");
    expect(normalizeIp("::FFFF:7F00:1")).toBe("127.0.0.1");
    expect(normalizeIp("2001:DB8:0:0:0:0:0:1")).toBe("2001:db8::1");
    for (const bad of ["", "unknown", "1.2.3.4:80", "999.1.1.1", "fe80::1%eth0", "1.2.3.4; DROP", "a".repeat(65)])
      expect(normalizeIp(bad)).toBeNull();
    expect(clientIp(xff("not-an-ip"), none)).toBeNull();
  });
});
