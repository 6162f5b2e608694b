// Public API of the card module for the card dialog: find out which transports can be used, create a Signer
// for the chosen one, then readCard → (assertCardAccepted) → verifyPin → sign → close.
import { ApduSigner } from "@/lib/card/apdu-signer";
import { CardError, toCardError } from "@/lib/card/errors";
import { EPORT_URL } from "@/lib/card/eport-protocol";
import type { CardTransportKind, Signer } from "@/lib/card/signer";
import { type WebSocketConstructor, connectEportSigner, probeEport } from "@/lib/card/transports/eport";
import { type HidLike, isCardHidDevice, openWebHidChannel } from "@/lib/card/transports/webhid";
import { type UsbLike, findCcidEndpoints, openWebUsbChannel } from "@/lib/card/transports/webusb";
import { type VirtualCardSlot, openVirtualCardChannel } from "@/lib/card/virtual-card";

export { CARD_ERROR_CODES, CardError, type CardErrorCode } from "@/lib/card/errors";
export { assertCardAccepted, type CardInfo, type CardKind, type CardTransportKind, type Signer } from "@/lib/card/signer";

/** What the page can reach; everything is injectable so tests and Playwright can pass fakes. */
export interface CardEnvironment {
  hid?: HidLike;
  usb?: UsbLike;
  WebSocket?: WebSocketConstructor;
  eportUrl?: string;
  /** The virtual card slot: pass it only when the server runs in development or test mode. */
  virtualSlot?: VirtualCardSlot;
}

/** The environment of the current browser page. */
export function browserCardEnvironment(options: { eportUrl?: string; virtualSlot?: VirtualCardSlot } = {}): CardEnvironment {
  const nav = globalThis.navigator as (Navigator & { hid?: HidLike; usb?: UsbLike }) | undefined;
  return {
    hid: nav?.hid,
    usb: nav?.usb,
    WebSocket: globalThis.WebSocket,
    eportUrl: options.eportUrl,
    virtualSlot: options.virtualSlot,
  };
}

export interface TransportStatus {
  kind: CardTransportKind;
  /** Usable in this browser (for the e-port: its client answers). */
  available: boolean;
  /** Usable without a device chooser: the e-port answers, a device was granted before, or the virtual card. */
  ready: boolean;
}

/** Every transport this page could offer, in order of preference (the virtual one only when enabled). */
export async function detectTransports(env: CardEnvironment, options: { eportProbeTimeoutMs?: number } = {}): Promise<TransportStatus[]> {
  const status = (kind: CardTransportKind, available: boolean, ready: boolean): TransportStatus => ({
    kind,
    available,
    ready: available && ready,
  });
  const [eport, hidGranted, usbGranted] = await Promise.all([
    env.WebSocket ? probeEport({ WebSocket: env.WebSocket, url: env.eportUrl, connectTimeoutMs: options.eportProbeTimeoutMs }) : false,
    env.hid?.getDevices().then(
      (devices) => devices.some(isCardHidDevice),
      () => false,
    ) ?? false,
    env.usb?.getDevices().then(
      (devices) => devices.some((d) => findCcidEndpoints(d) !== null),
      () => false,
    ) ?? false,
  ]);
  const transports = [status("eport", eport, true), status("webhid", !!env.hid, hidGranted), status("webusb", !!env.usb, usbGranted)];
  if (env.virtualSlot) transports.push(status("virtual", true, true));
  return transports;
}

/** The transport to preselect: the first ready one, else the first available one. */
export function preferredTransport(transports: TransportStatus[]): CardTransportKind | null {
  return (transports.find((t) => t.ready) ?? transports.find((t) => t.available))?.kind ?? null;
}

/**
 * Opens the chosen transport. WebHID and WebUSB may show the browser's device chooser, so call this from the
 * click handler (user gesture). Throws CardError (NOT_SUPPORTED, CANCELLED, NO_CARD, EPORT_UNAVAILABLE, …).
 */
export async function createSigner(kind: CardTransportKind, env: CardEnvironment, options: { timeoutMs?: number } = {}): Promise<Signer> {
  const unsupported = () => new CardError("NOT_SUPPORTED");
  try {
    switch (kind) {
      case "webhid":
        if (!env.hid) throw unsupported();
        return new ApduSigner(kind, await openWebHidChannel(env.hid, options));
      case "webusb":
        if (!env.usb) throw unsupported();
        return new ApduSigner(kind, await openWebUsbChannel(env.usb, options));
      case "eport":
        if (!env.WebSocket) throw unsupported();
        return await connectEportSigner({
          WebSocket: env.WebSocket,
          url: env.eportUrl ?? EPORT_URL,
          callTimeoutMs: options.timeoutMs,
        });
      case "virtual":
        if (!env.virtualSlot) throw unsupported();
        return new ApduSigner(kind, openVirtualCardChannel(env.virtualSlot));
    }
  } catch (error) {
    throw toCardError(error);
  }
}
