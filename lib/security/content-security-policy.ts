// The Content-Security-Policy of every response (set by proxy.ts with a fresh nonce per request).
//
// - script-src: only scripts carrying this request's nonce, which Next.js puts on its own scripts, and what
//   they load ('strict-dynamic'). 'unsafe-eval' only under `next dev`, where React rebuilds server error
//   stacks with eval; a production build never needs it.
// - style-src keeps 'unsafe-inline': Radix UI, sonner and React's style props set style attributes, which a
//   nonce cannot cover; injected styles cannot run script, so the gain of a nonce here would be small.
// - connect-src: the e-port local client (lib/card). Where the virtual card is allowed (development, test)
//   the page may be pointed at an emulator on any loopback port (components/card/eport-url.ts), so there any
//   loopback WebSocket port is allowed; in production only the client's fixed address.
// - No upgrade-insecure-requests: it would turn ws://127.0.0.1:61232 into wss://, which the e-port client
//   does not serve; HSTS keeps the portal itself on https.
import { EPORT_URL } from "@/lib/card/eport-protocol";

export interface CspOptions {
  nonce: string;
  /** `next dev`: React needs eval for its error overlay. */
  nextDev: boolean;
  /** Development or test mode: the page may use an e-port emulator on another loopback port. */
  loopbackEmulators: boolean;
}

export function contentSecurityPolicy({ nonce, nextDev, loopbackEmulators }: CspOptions): string {
  const eport = loopbackEmulators ? `${EPORT_URL} ws://127.0.0.1:* ws://localhost:*` : EPORT_URL;
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${nextDev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self' ${eport}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  return directives.join("; ");
}

/** A fresh, unguessable nonce (128 random bits, base64). */
export function createNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}
