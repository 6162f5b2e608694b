// The e-port local client backend: the card is reached through the client's WebSocket JSON protocol
// (lib/card/eport-protocol.ts), which hashes and signs itself, so no APDUs pass through the page.
import { base64ToBytes, pemToDer, sm2PublicKeyFromDer, toPem } from "@/lib/card/certificate";
import { CardError, toCardError } from "@/lib/card/errors";
import { EPORT_METHODS, EPORT_URL, type EportRequest, type EportResponse, cardErrorFromEport } from "@/lib/card/eport-protocol";
import type { CardInfo, CardKind, Signer } from "@/lib/card/signer";
import { bytesToHex, sm2SignatureRawToDer } from "@/lib/crypto/sm2";

/** The part of the browser's WebSocket this backend uses. */
export interface WebSocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(): void;
  addEventListener(type: "open" | "message" | "error" | "close", listener: (event: { data?: unknown }) => void): void;
}

export type WebSocketConstructor = new (url: string) => WebSocketLike;

export interface EportOptions {
  WebSocket: WebSocketConstructor;
  url?: string;
  connectTimeoutMs?: number;
  /** Signing may wait on the client's own prompts, so calls get a generous limit. */
  callTimeoutMs?: number;
}

const WS_OPEN = 1;

/** Opens a connection, or fails with EPORT_UNAVAILABLE when nothing answers at the client's address. */
function connect(WebSocket: WebSocketConstructor, url: string, timeoutMs: number): Promise<WebSocketLike> {
  return new Promise((resolve, reject) => {
    let socket: WebSocketLike;
    try {
      socket = new WebSocket(url);
    } catch (error) {
      reject(new CardError("EPORT_UNAVAILABLE", { detail: error instanceof Error ? error.message : undefined }));
      return;
    }
    const fail = () => {
      clearTimeout(timer);
      socket.close();
      reject(new CardError("EPORT_UNAVAILABLE"));
    };
    const timer = setTimeout(fail, timeoutMs);
    socket.addEventListener("open", () => {
      clearTimeout(timer);
      resolve(socket);
    });
    socket.addEventListener("error", fail);
  });
}

/** Whether an e-port client answers at the address (for transport detection). */
export async function probeEport(options: EportOptions): Promise<boolean> {
  try {
    const socket = await connect(options.WebSocket, options.url ?? EPORT_URL, options.connectTimeoutMs ?? 1500);
    socket.close();
    return true;
  } catch {
    return false;
  }
}

export async function connectEportSigner(options: EportOptions): Promise<Signer> {
  const socket = await connect(options.WebSocket, options.url ?? EPORT_URL, options.connectTimeoutMs ?? 3000);
  return new EportSigner(new EportClient(socket, options.callTimeoutMs ?? 60_000));
}

class EportClient {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(data: string[]): void; reject(error: CardError): void }>();
  private closedBy?: CardError;

  constructor(
    private readonly socket: WebSocketLike,
    private readonly timeoutMs: number,
  ) {
    socket.addEventListener("message", (event) => this.onMessage(event.data));
    socket.addEventListener("close", () => this.failAll(new CardError("EPORT_UNAVAILABLE", { detail: "connection closed" })));
  }

  call(method: string, args: Record<string, string> = {}): Promise<string[]> {
    if (this.closedBy) return Promise.reject(this.closedBy);
    if (this.socket.readyState !== WS_OPEN) return Promise.reject(new CardError("EPORT_UNAVAILABLE"));
    const request: EportRequest = { _method: method, _id: this.nextId++, args };
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(request._id);
        reject(new CardError("TIMEOUT"));
      }, this.timeoutMs);
      const settle =
        <T>(fn: (value: T) => void) =>
        (value: T) => {
          clearTimeout(timer);
          this.pending.delete(request._id);
          fn(value);
        };
      this.pending.set(request._id, { resolve: settle(resolve), reject: settle(reject) });
      this.socket.send(JSON.stringify(request));
    });
  }

  close(): void {
    this.failAll(new CardError("CANCELLED"));
    this.socket.close();
  }

  private onMessage(data: unknown): void {
    let response: Partial<EportResponse>;
    try {
      response = JSON.parse(String(data));
    } catch {
      return; // not a reply of ours (the client also sends other frames, e.g. block transfer headers)
    }
    const call = typeof response._id === "number" ? this.pending.get(response._id) : undefined;
    if (!call) return; // the "open" greeting, or a reply we stopped waiting for
    const args = response._args;
    if (response._status !== "00" || !args) {
      call.reject(new CardError("TRANSPORT", { detail: `e-port client status ${response._status}` }));
    } else if (!args.Result) {
      call.reject(cardErrorFromEport(args.Error ?? []));
    } else {
      call.resolve(args.Data ?? []);
    }
  }

  private failAll(error: CardError): void {
    this.closedBy ??= error;
    for (const call of [...this.pending.values()]) call.reject(error);
  }
}

class EportSigner implements Signer {
  readonly transport = "eport";
  private card?: CardInfo;
  private pin?: string;

  constructor(private readonly client: EportClient) {}

  async readCard(): Promise<CardInfo> {
    if (this.card) return this.card;
    const first = async (method: string) => {
      const [value] = await this.client.call(method);
      if (!value) throw new CardError("CARD_FAILURE", { detail: `${method} returned no data` });
      return value;
    };
    const cardNo = await first(EPORT_METHODS.GET_CARD_ID);
    const holder = await first(EPORT_METHODS.GET_HOLDER_NAME);
    const enterpriseCode = await first(EPORT_METHODS.GET_ENTERPRISE_ID);
    const kind = parseCardKind(await first(EPORT_METHODS.GET_CARD_INFO));
    const der = pemToDer(await first(EPORT_METHODS.GET_SIGN_CERT));
    const { publicKeyHex, isCertificate } = sm2PublicKeyFromDer(der);
    const certificatePem = toPem(isCertificate ? "CERTIFICATE" : "PUBLIC KEY", der);
    this.card = { cardNo, kind, holder, enterpriseCode, publicKeyHex, certificatePem };
    return this.card;
  }

  async verifyPin(pin: string): Promise<void> {
    await this.client.call(EPORT_METHODS.VERIFY_PIN, { passwd: pin });
    this.pin = pin; // the client takes the PIN with every signing call
  }

  async sign(message: Uint8Array): Promise<string> {
    if (this.pin === undefined) throw new CardError("PIN_NOT_VERIFIED");
    let inData: string;
    try {
      inData = new TextDecoder("utf-8", { fatal: true }).decode(message);
    } catch {
      throw new CardError("NOT_SUPPORTED", { detail: "the e-port client signs text only" });
    }
    const [signature] = await this.client.call(EPORT_METHODS.SIGN_DATA, { inData, passwd: this.pin });
    return signatureToDerHex(signature ?? "");
  }

  async close(): Promise<void> {
    this.pin = undefined;
    this.client.close();
  }
}

function parseCardKind(attachInfo: string): CardKind {
  try {
    const kind = (JSON.parse(attachInfo) as { cardKind?: unknown }).cardKind;
    if (kind === "LEGAL_PERSON" || kind === "OPERATOR") return kind;
  } catch {
    // fall through
  }
  throw new CardError("CARD_FAILURE", { detail: "unknown card kind" });
}

/** E-port clients return SM2 signatures as base64 of raw r‖s; accept DER as well. */
function signatureToDerHex(base64: string): string {
  let bytes: Uint8Array;
  try {
    bytes = base64ToBytes(base64);
  } catch (error) {
    throw toCardError(error, "CARD_FAILURE");
  }
  if (bytes.length === 64) return sm2SignatureRawToDer(bytesToHex(bytes));
  if (bytes[0] === 0x30) return bytesToHex(bytes);
  throw new CardError("CARD_FAILURE", { detail: "malformed signature" });
}
