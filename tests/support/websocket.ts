// A small RFC 6455 implementation for tests (text messages, ping/pong, close): a server on node:http's
// "upgrade" event, and a client exposing the browser WebSocket subset the e-port backend uses (Node 20 has
// no built-in WebSocket). Not for production: no extensions, no size limits beyond the test's needs.
import { createHash, randomBytes } from "node:crypto";
import type { IncomingMessage, Server } from "node:http";
import { connect } from "node:net";
import type { Duplex } from "node:stream";
import type { WebSocketLike } from "@/lib/card/transports/eport";

const HANDSHAKE_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
const OPCODE = { CONTINUATION: 0x0, TEXT: 0x1, CLOSE: 0x8, PING: 0x9, PONG: 0xa } as const;

const acceptKey = (key: string) =>
  createHash("sha1")
    .update(key + HANDSHAKE_GUID)
    .digest("base64");

/** Frames text over a socket; clients mask what they send, servers do not (RFC 6455 §5.1). */
export class WebSocketConnection {
  private buffer = Buffer.alloc(0);
  private fragments: Buffer[] = [];
  private closed = false;

  constructor(
    private readonly socket: Duplex,
    private readonly masked: boolean,
    private readonly onText: (text: string) => void,
    private readonly onClose: () => void,
  ) {
    socket.on("data", (chunk: Buffer) => this.receive(chunk));
    socket.on("close", () => this.finish());
    socket.on("error", () => this.finish());
  }

  sendText(text: string): void {
    this.sendFrame(OPCODE.TEXT, Buffer.from(text, "utf8"));
  }

  close(): void {
    if (this.closed) return;
    this.sendFrame(OPCODE.CLOSE, Buffer.from([0x03, 0xe8])); // 1000 normal closure
    this.socket.end();
    this.finish();
  }

  receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (let frame = this.readFrame(); frame; frame = this.readFrame()) this.handleFrame(frame);
  }

  private readFrame(): { fin: boolean; opcode: number; payload: Buffer } | null {
    const b = this.buffer;
    if (b.length < 2) return null;
    let length = b[1] & 0x7f;
    let offset = 2;
    if (length === 126) {
      if (b.length < 4) return null;
      length = b.readUInt16BE(2);
      offset = 4;
    } else if (length === 127) {
      if (b.length < 10) return null;
      length = Number(b.readBigUInt64BE(2));
      offset = 10;
    }
    const mask = b[1] & 0x80 ? b.subarray(offset, offset + 4) : null;
    if (mask) offset += 4;
    if (b.length < offset + length) return null;
    const payload = Buffer.from(b.subarray(offset, offset + length));
    if (mask) for (let i = 0; i < payload.length; i++) payload[i] ^= mask[i % 4];
    this.buffer = b.subarray(offset + length);
    return { fin: (b[0] & 0x80) !== 0, opcode: b[0] & 0x0f, payload };
  }

  private handleFrame({ fin, opcode, payload }: { fin: boolean; opcode: number; payload: Buffer }): void {
    switch (opcode) {
      case OPCODE.TEXT:
      case OPCODE.CONTINUATION:
        this.fragments.push(payload);
        if (fin) {
          const text = Buffer.concat(this.fragments).toString("utf8");
          this.fragments = [];
          this.onText(text);
        }
        return;
      case OPCODE.PING:
        this.sendFrame(OPCODE.PONG, payload);
        return;
      case OPCODE.CLOSE:
        this.close();
        return;
    }
  }

  private sendFrame(opcode: number, payload: Buffer): void {
    if (this.closed || this.socket.destroyed) return;
    const length = payload.length;
    const lengthBytes = length < 126 ? [length] : length < 0x10000 ? [126, length >> 8, length & 0xff] : [127, ...bigLength(length)];
    const header = Buffer.from([0x80 | opcode, (this.masked ? 0x80 : 0) | lengthBytes[0], ...lengthBytes.slice(1)]);
    if (!this.masked) {
      this.socket.write(Buffer.concat([header, payload]));
      return;
    }
    const mask = randomBytes(4);
    const body = Buffer.from(payload);
    for (let i = 0; i < body.length; i++) body[i] ^= mask[i % 4];
    this.socket.write(Buffer.concat([header, mask, body]));
  }

  private finish(): void {
    if (this.closed) return;
    this.closed = true;
    this.onClose();
  }
}

function bigLength(length: number): number[] {
  const bytes = Buffer.alloc(8);
  bytes.writeBigUInt64BE(BigInt(length));
  return [...bytes];
}

/** Accepts WebSocket upgrades on an HTTP server; `onConnection` wires each connection's handlers. */
export interface WebSocketHandlers {
  onText(text: string): void;
  onClose?(): void;
}

export function acceptWebSockets(server: Server, onConnection: (send: (text: string) => void, request: IncomingMessage) => WebSocketHandlers): void {
  server.on("upgrade", (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const key = request.headers["sec-websocket-key"];
    if (request.headers.upgrade?.toLowerCase() !== "websocket" || typeof key !== "string") {
      socket.end("HTTP/1.1 400 Bad Request\r\n\r\n");
      return;
    }
    socket.write(
      "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" + `Sec-WebSocket-Accept: ${acceptKey(key)}\r\n\r\n`,
    );
    // The connection's callbacks need the handlers, which need the connection.
    const handlers: { current?: WebSocketHandlers } = {};
    const connection = new WebSocketConnection(
      socket,
      false,
      (text) => handlers.current?.onText(text),
      () => handlers.current?.onClose?.(),
    );
    handlers.current = onConnection((text) => connection.sendText(text), request);
    if (head.length) connection.receive(head);
  });
}

type Listener = (event: { data?: unknown }) => void;

/** Client with the browser WebSocket's shape (readyState, send, close, addEventListener) for ws:// URLs. */
export class NodeWebSocket implements WebSocketLike {
  readyState = 0; // CONNECTING
  private readonly listeners = new Map<string, Set<Listener>>();
  private connection?: WebSocketConnection;

  constructor(url: string) {
    const { hostname, port, pathname } = new URL(url);
    const socket = connect(Number(port || 80), hostname);
    const key = randomBytes(16).toString("base64");
    let handshake = Buffer.alloc(0);
    const onHandshakeData = (chunk: Buffer) => {
      handshake = Buffer.concat([handshake, chunk]);
      const end = handshake.indexOf("\r\n\r\n");
      if (end < 0) return;
      socket.off("data", onHandshakeData);
      const head = handshake.subarray(0, end).toString("latin1");
      if (!/^HTTP\/1\.1 101/.test(head) || !head.includes(`Sec-WebSocket-Accept: ${acceptKey(key)}`)) {
        socket.destroy();
        return;
      }
      this.connection = new WebSocketConnection(
        socket,
        true,
        (text) => this.emit("message", { data: text }),
        () => this.closed(),
      );
      this.readyState = 1; // OPEN
      this.emit("open", {});
      const rest = handshake.subarray(end + 4);
      if (rest.length) this.connection.receive(rest);
    };
    socket.on("connect", () =>
      socket.write(
        `GET ${pathname} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
          `Sec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
      ),
    );
    socket.on("data", onHandshakeData);
    socket.on("error", () => {
      if (this.readyState === 0) this.emit("error", {});
    });
    socket.on("close", () => {
      if (!this.connection) this.closed();
    });
  }

  addEventListener(type: "open" | "message" | "error" | "close", listener: Listener): void {
    if (!this.listeners.has(type)) this.listeners.set(type, new Set());
    this.listeners.get(type)?.add(listener);
  }

  send(data: string): void {
    if (this.readyState !== 1 || !this.connection) throw new Error("WebSocket is not open");
    this.connection.sendText(data);
  }

  close(): void {
    if (this.connection) this.connection.close();
    else this.closed();
  }

  private closed(): void {
    if (this.readyState === 3) return;
    this.readyState = 3; // CLOSED
    this.emit("close", {});
  }

  private emit(type: string, event: { data?: unknown }): void {
    for (const listener of this.listeners.get(type) ?? []) listener(event);
  }
}
