// The client's IP for audit entries and sign-in throttling. The web process appends the socket's peer to
// X-Forwarded-For (scripts/lib/socket-peer.cjs), so the last entry is the true peer; entries left of it are
// believed only as far as each was appended by a proxy in TRUSTED_PROXIES: walk from the right past trusted
// proxies and take the first address that is not one. Without TRUSTED_PROXIES that is the socket's peer, and
// whatever the client sent is ignored.
import { BlockList, isIP } from "node:net";
import { config } from "@/lib/config/env";

const MAX_IP_CHARS = 64;

/** A real IP address in one canonical text (IPv4-mapped IPv6 as IPv4, IPv6 compressed, lower case), or null. */
export function normalizeIp(value: string): string | null {
  const text = value.trim();
  if (text.length > MAX_IP_CHARS) return null;
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(text);
  if (mapped && isIP(mapped[1]) === 4) return mapped[1];
  if (isIP(text) === 4) return text;
  if (isIP(text) !== 6 || text.includes("%")) return null;
  const canonical = new URL(`http://[${text}]`).hostname.slice(1, -1);
  const mappedHex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(canonical);
  if (!mappedHex) return canonical;
  const [high, low] = mappedHex.slice(1).map((group) => parseInt(group, 16));
  return [high >> 8, high & 255, low >> 8, low & 255].join(".");
}

/** TRUSTED_PROXIES as a BlockList (addresses and CIDRs, IPv4 and IPv6). */
export function parseTrustedProxies(list: string[]): BlockList {
  const trusted = new BlockList();
  for (const entry of list) {
    const [address, prefix] = entry.split("/");
    const type = isIP(address) === 6 ? "ipv6" : "ipv4";
    if (prefix === undefined) trusted.addAddress(address, type);
    else trusted.addSubnet(address, Number(prefix), type);
  }
  return trusted;
}

let cachedTrusted: { list: string[]; trusted: BlockList } | undefined;
function trustedProxies(): BlockList {
  const list = config().TRUSTED_PROXIES;
  if (cachedTrusted?.list !== list) cachedTrusted = { list, trusted: parseTrustedProxies(list) };
  return cachedTrusted.trusted;
}

const isTrusted = (trusted: BlockList, ip: string) => trusted.check(ip, isIP(ip) === 6 ? "ipv6" : "ipv4");

export function clientIp(headers: Headers, trusted: BlockList = trustedProxies()): string | null {
  const hops = (headers.get("x-forwarded-for") ?? "").split(",");
  let client: string | null = null;
  for (let index = hops.length - 1; index >= 0; index--) {
    const hop = normalizeIp(hops[index]);
    // A trusted proxy that passed on something that is not an address: the last address known is its own.
    if (!hop) return client;
    client = hop;
    if (!isTrusted(trusted, hop)) return hop;
  }
  return client;
}

/** Production must run the web process with the preload, or the last X-Forwarded-For entry is the client's word. */
export function socketPeerInstalled(): boolean {
  return (globalThis as Record<symbol, unknown>)[Symbol.for("sw.socketPeer")] === true;
}
