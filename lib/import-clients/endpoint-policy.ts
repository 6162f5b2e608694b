// Where an import client's endpoint may point. In production not at this machine, private networks or other
// non-public addresses: the platform would otherwise post into its own network on an enterprise's say-so.
// CLIENT_ENDPOINT_ALLOW_PRIVATE=true lifts this for installations whose clients are on their intranet; outside
// production it does not apply, so the demo and the tests use the reference client on loopback. Host names are
// resolved when the endpoint is saved, so a name pointing inward is refused like the address itself (a name
// re-pointed later is not caught here).
import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";
import { config, type Config } from "@/lib/config/env";
import { AppError } from "@/lib/errors";

const LOOKUP_TIMEOUT_MS = 5_000;

const nonPublicAddresses = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8], ["10.0.0.0", 8], ["100.64.0.0", 10], ["127.0.0.0", 8], ["169.254.0.0", 16], ["172.16.0.0", 12],
  ["192.0.0.0", 24], ["192.168.0.0", 16], ["198.18.0.0", 15], ["224.0.0.0", 3], // 224/3: multicast, reserved, broadcast
] as const) {
  nonPublicAddresses.addSubnet(network, prefix, "ipv4");
}
// IPv4-mapped IPv6 addresses (::ffff:a.b.c.d) are checked against the IPv4 rules by BlockList itself.
for (const [network, prefix] of [
  ["::", 127], // unspecified and loopback
  ["64:ff9b::", 96], // NAT64: any IPv4 address, private ones included
  ["fc00::", 7], ["fe80::", 10], ["ff00::", 8],
] as const) {
  nonPublicAddresses.addSubnet(network, prefix, "ipv6");
}

export function isNonPublicAddress(address: string): boolean {
  const family = isIP(address);
  return family !== 0 && nonPublicAddresses.check(address, family === 4 ? "ipv4" : "ipv6");
}

type ResolveHost = (host: string) => Promise<string[]>;

const resolveHost: ResolveHost = async (host) => {
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error("lookup timed out")), LOOKUP_TIMEOUT_MS).unref());
  const results = await Promise.race([lookup(host, { all: true, verbatim: true }), timeout]);
  return results.map((result) => result.address);
};

export function privateEndpointsAllowed(settings: Pick<Config, "APP_MODE" | "CLIENT_ENDPOINT_ALLOW_PRIVATE"> = config()): boolean {
  return settings.APP_MODE !== "production" || settings.CLIENT_ENDPOINT_ALLOW_PRIVATE;
}

const refuse = (message: string) => new AppError("INVALID_INPUT", message, { endpointUrl: message });

/** Throws AppError(INVALID_INPUT) with a field error on endpointUrl; the URL itself is already valid (ZEndpointUrl). */
export async function assertEndpointAllowed(options: {
  endpointUrl: string;
  allowPrivate?: boolean;
  resolve?: ResolveHost;
}): Promise<void> {
  if (options.allowPrivate ?? privateEndpointsAllowed()) return;
  const host = new URL(options.endpointUrl).hostname.replace(/^\[(.*)\]$/, "$1").toLowerCase();
  if (host === "localhost" || host.endsWith(".localhost")) throw refuse("接收地址不能指向本机");
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : await (options.resolve ?? resolveHost)(host);
  } catch {
    addresses = [];
  }
  if (addresses.length === 0) throw refuse(`无法解析接收地址的主机名 ${host}，请检查地址`);
  if (addresses.some(isNonPublicAddress)) throw refuse("接收地址不能指向本机、内网或保留地址，请填写导入客户端的公网地址");
}
