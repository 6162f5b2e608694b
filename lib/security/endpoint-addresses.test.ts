import { afterEach, describe, expect, test } from "vitest";
import { assertConnectable, isNonPublicAddress, refusedAddress, resolveEndpointHost, setEndpointNetwork } from "./endpoint-addresses";

let restore: (() => void) | undefined;
afterEach(() => restore?.());

describe("isNonPublicAddress", () => {
  test.each([
    ["loopback", ["127.0.0.1", "127.255.255.254", "::1"]],
    ["private", ["10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1"]],
    ["link-local", ["169.254.169.254", "fe80::1", "febf::1"]],
    ["CGNAT", ["100.64.0.1", "100.127.255.254"]],
    ["documentation", ["192.0.2.1", "198.51.100.7", "203.0.113.5", "2001:db8::1", "2001:0DB8:0:0::5", "3fff::1"]],
    ["benchmarking", ["198.18.0.1", "198.19.255.254", "2001:2::1"]],
    ["multicast", ["224.0.0.1", "239.255.255.250", "ff02::1", "ff05::1:3"]],
    ["unspecified", ["0.0.0.0", "0.1.2.3", "::"]],
    ["reserved and broadcast", ["240.0.0.1", "255.255.255.255", "192.0.0.8", "192.88.99.1", "100::1", "2001::1"]],
    ["IPv6 unique local", ["fc00::1", "fd12:3456::1"]],
    ["IPv4-mapped and -compatible IPv6", ["::ffff:127.0.0.1", "::ffff:7f00:1", "::ffff:10.0.0.1", "::ffff:8.8.8.8", "::127.0.0.1"]],
    ["NAT64 and 6to4", ["64:ff9b::7f00:1", "64:ff9b::a00:1", "64:ff9b:1::1", "2002:7f00:1::1"]],
    ["not an address", ["example.com", "", "1.2.3"]],
  ])("%s is not public", (_, addresses) => {
    for (const address of addresses) expect(isNonPublicAddress(address), address).toBe(true);
  });

  test.each([
    "93.184.216.34",
    "8.8.8.8",
    "172.32.0.1",
    "100.128.0.1",
    "198.20.0.1",
    "223.255.255.254",
    "2001:4860:4860::8888",
    "2606:4700::1111",
    "2400:cb00::1",
  ])("%s is public", (address) => expect(isNonPublicAddress(address)).toBe(false));
});

describe("this host's own addresses", () => {
  test("an address on one of its interfaces is refused however it is spelt, public or not", () => {
    restore = setEndpointNetwork({ hostAddresses: () => ["93.184.216.40", "2606:4700::6810:85e5", "fe80::1"] });
    expect(refusedAddress(["93.184.216.40"])).toBe("93.184.216.40");
    expect(refusedAddress(["2606:4700:0:0:0:0:6810:85E5"])).toBe("2606:4700:0:0:0:0:6810:85E5");
    expect(refusedAddress(["93.184.216.34", "93.184.216.40"])).toBe("93.184.216.40");
    expect(refusedAddress(["93.184.216.34"])).toBeUndefined();
  });

  test("the real interface list is read (loopback is always on it)", () => {
    expect(refusedAddress(["127.0.0.1"])).toBe("127.0.0.1");
  });
});

describe("assertConnectable", () => {
  test("names the host and the refused address", () => {
    expect(() => assertConnectable({ host: "client.example", addresses: ["93.184.216.34", "127.0.0.1"], allowPrivate: false })).toThrow(
      expect.objectContaining({ reason: "NON_PUBLIC", message: "client.example resolves to 127.0.0.1, not public" }),
    );
    expect(() => assertConnectable({ host: "10.0.0.1", addresses: ["10.0.0.1"], allowPrivate: false })).toThrow(
      expect.objectContaining({ reason: "NON_PUBLIC", message: "10.0.0.1 is not public" }),
    );
  });

  test("a name with no address is refused; private addresses pass only when allowed", () => {
    expect(() => assertConnectable({ host: "nowhere.test", addresses: [], allowPrivate: true })).toThrow(
      expect.objectContaining({ reason: "UNRESOLVED", message: "no address for nowhere.test" }),
    );
    expect(() => assertConnectable({ host: "client.example", addresses: ["127.0.0.1"], allowPrivate: true })).not.toThrow();
    expect(() => assertConnectable({ host: "client.example", addresses: ["93.184.216.34"], allowPrivate: false })).not.toThrow();
  });
});

describe("resolveEndpointHost", () => {
  test("asks the resolver once for a name, never for an address, and gives [] when it fails", async () => {
    const asked: string[] = [];
    restore = setEndpointNetwork({
      resolve: async (host) => (asked.push(host), host === "bad.test" ? Promise.reject(new Error("ENOTFOUND")) : ["93.184.216.34"]),
    });
    expect(await resolveEndpointHost("client.test")).toEqual(["93.184.216.34"]);
    expect(await resolveEndpointHost("::1")).toEqual(["::1"]);
    expect(await resolveEndpointHost("bad.test")).toEqual([]);
    expect(asked).toEqual(["client.test", "bad.test"]);
  });
});
