// Which addresses the platform may connect to for an import client's endpoint: in production (unless
// CLIENT_ENDPOINT_ALLOW_PRIVATE) public unicast addresses only, and none of this host's own, since the platform
// would otherwise post into its own network, or to its own web and worker ports, on an enterprise's say-so.
// Decided when a connection is opened (lib/pushes/endpoint-agent.ts), so a name re-pointed inward after it was
// saved (DNS rebinding) is caught; lib/import-clients/endpoint-policy.ts applies the same rule when an endpoint is saved.
import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";
import { networkInterfaces } from "node:os";
import { config, type Config } from "@/lib/config/env";

/** Outside production, and where CLIENT_ENDPOINT_ALLOW_PRIVATE says so, endpoints may be on any address. */
export function privateEndpointsAllowed(settings: Pick<Config, "APP_MODE" | "CLIENT_ENDPOINT_ALLOW_PRIVATE"> = config()): boolean {
  return settings.APP_MODE !== "production" || settings.CLIENT_ENDPOINT_ALLOW_PRIVATE;
}

const LOOKUP_TIMEOUT_MS = 5_000;

const nonPublicV4 = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8], // this network, unspecified
  ["10.0.0.0", 8],
  ["172.16.0.0", 12],
  ["192.168.0.0", 16], // private
  ["100.64.0.0", 10], // CGNAT
  ["127.0.0.0", 8],
  ["169.254.0.0", 16], // loopback, link-local
  ["192.0.0.0", 24],
  ["192.88.99.0", 24], // IETF protocol assignments, 6to4 relay
  ["192.0.2.0", 24],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24], // documentation
  ["198.18.0.0", 15], // benchmarking
  ["224.0.0.0", 3], // multicast, reserved, broadcast
] as const) {
  nonPublicV4.addSubnet(network, prefix, "ipv4");
}

// IPv6: only global unicast (2000::/3) is public. That leaves out unspecified, loopback, IPv4-mapped and
// -compatible forms, NAT64 (64:ff9b::/96, which reaches any IPv4 address), ULA, link-local and multicast.
const globalUnicastV6 = new BlockList();
globalUnicastV6.addSubnet("2000::", 3, "ipv6");
const nonPublicV6 = new BlockList();
for (const [network, prefix] of [
  ["2001::", 23], // IETF protocol assignments: Teredo, benchmarking, ORCHID
  ["2001:db8::", 32],
  ["3fff::", 20], // documentation
  ["2002::", 16], // 6to4, which embeds any IPv4 address
] as const) {
  nonPublicV6.addSubnet(network, prefix, "ipv6");
}

export function isNonPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return nonPublicV4.check(address, "ipv4");
  if (family === 6) return !globalUnicastV6.check(address, "ipv6") || nonPublicV6.check(address, "ipv6");
  return true; // not an address: nothing to connect to
}

type Resolve = (host: string) => Promise<string[]>;
interface EndpointNetwork {
  resolve: Resolve;
  /** Every address on this host's network interfaces. */
  hostAddresses: () => string[];
}

const systemNetwork: EndpointNetwork = {
  resolve: async (host) => {
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error("lookup timed out")), LOOKUP_TIMEOUT_MS).unref());
    const results = await Promise.race([lookup(host, { all: true, verbatim: true }), timeout]);
    return results.map((result) => result.address);
  },
  hostAddresses: () => Object.values(networkInterfaces()).flatMap((list) => list?.map((entry) => entry.address) ?? []),
};
let network = systemNetwork;

/** Tests only: a resolver and interface list of their own. Returns the function that restores the system's. */
export function setEndpointNetwork(replacement: Partial<EndpointNetwork>): () => void {
  network = { ...systemNetwork, ...replacement };
  return () => {
    network = systemNetwork;
  };
}

/** The host's addresses (an address is its own), once; [] when the name does not resolve. */
export async function resolveEndpointHost(host: string): Promise<string[]> {
  if (isIP(host)) return [host];
  try {
    return await network.resolve(host);
  } catch {
    return [];
  }
}

/** The first address that may not be connected to: a non-public one or one of this host's own. */
export function refusedAddress(addresses: string[]): string | undefined {
  const own = new BlockList(); // compares addresses, not spellings (2001:db8::1 = 2001:DB8:0::1)
  for (const address of network.hostAddresses()) {
    const family = isIP(address);
    if (family !== 0) own.addAddress(address, family === 4 ? "ipv4" : "ipv6");
  }
  return addresses.find((address) => isNonPublicAddress(address) || own.check(address, isIP(address) === 4 ? "ipv4" : "ipv6"));
}

/** A connection the platform will not make; the delivery attempt records why (lib/pushes/delivery-error.ts). */
export class EndpointRefused extends Error {
  constructor(
    readonly reason: "UNRESOLVED" | "NON_PUBLIC",
    detail: string,
  ) {
    super(detail);
    this.name = "EndpointRefused";
  }
}

/** Throws EndpointRefused when `host`'s addresses may not be connected to. */
export function assertConnectable(options: { host: string; addresses: string[]; allowPrivate: boolean }): void {
  const { host, addresses } = options;
  if (addresses.length === 0) throw new EndpointRefused("UNRESOLVED", `no address for ${host}`);
  const refused = options.allowPrivate ? undefined : refusedAddress(addresses);
  if (!refused) return;
  throw new EndpointRefused("NON_PUBLIC", refused === host ? `${host} is not public` : `${host} resolves to ${refused}, not public`);
}
