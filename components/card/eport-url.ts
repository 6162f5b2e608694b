// Where the page looks for the e-port local client. Tests run their own emulator on a random port and say so
// with `window.__SW_EPORT_URL__` (set by page.addInitScript); the override is honoured only where the virtual
// card is allowed (development and test), and only for a loopback WebSocket, so a production page always
// talks to the real client's fixed address.
import { EPORT_URL } from "@/lib/card/eport-protocol";

declare global {
  interface Window {
    __SW_EPORT_URL__?: unknown;
  }
}

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

function isLoopbackWebSocketUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "ws:" && LOOPBACK_HOSTS.has(url.hostname);
  } catch {
    return false;
  }
}

export function resolveEportUrl({ overrideAllowed, override }: { overrideAllowed: boolean; override: unknown }): string {
  if (overrideAllowed && typeof override === "string" && isLoopbackWebSocketUrl(override)) return override;
  return EPORT_URL;
}

/** The e-port URL for this page. */
export const pageEportUrl = (overrideAllowed: boolean): string =>
  resolveEportUrl({ overrideAllowed, override: typeof window === "undefined" ? undefined : window.__SW_EPORT_URL__ });
