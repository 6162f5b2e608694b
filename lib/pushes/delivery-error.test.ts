import { describe, expect, it } from "vitest";
import { formatDeliveryError, networkErrorCode, parseDeliveryError } from "./delivery-error";

describe("delivery errors", () => {
  it("are stored as a code and its detail and read back", () => {
    expect(formatDeliveryError("HTTP_STATUS", "HTTP 503: busy")).toBe("HTTP_STATUS: HTTP 503: busy");
    expect(parseDeliveryError("HTTP_STATUS: HTTP 503: busy")).toEqual({ code: "HTTP_STATUS", detail: "HTTP 503: busy" });
    expect(parseDeliveryError("TIMEOUT")).toEqual({ code: "TIMEOUT", detail: null });
    expect(formatDeliveryError("OTHER", "x".repeat(500))).toHaveLength(240);
  });

  it("reads text that is no code as OTHER, keeping it as the detail", () => {
    expect(parseDeliveryError("无法连接客户端: bad port")).toEqual({ code: "OTHER", detail: "无法连接客户端: bad port" });
    expect(parseDeliveryError("NOPE: x")).toEqual({ code: "OTHER", detail: "NOPE: x" });
  });

  it("names socket, DNS and TLS failures by what the enterprise can act on", () => {
    expect(networkErrorCode("ECONNREFUSED")).toBe("REFUSED");
    expect(networkErrorCode("ENOTFOUND")).toBe("UNREACHABLE");
    expect(networkErrorCode("ERR_SOCKET_BAD_PORT")).toBe("UNREACHABLE");
    expect(networkErrorCode("ECONNRESET")).toBe("RESET");
    expect(networkErrorCode("ETIMEDOUT")).toBe("TIMEOUT");
    expect(networkErrorCode("DEPTH_ZERO_SELF_SIGNED_CERT")).toBe("TLS");
    expect(networkErrorCode("ERR_TLS_CERT_ALTNAME_INVALID")).toBe("TLS");
    expect(networkErrorCode("EWHATEVER")).toBe("OTHER");
    expect(networkErrorCode(undefined)).toBe("OTHER");
  });
});
