// The reference import client (SPEC §6, docs/delivery-protocol.md): POST /push verifies the platform
// signature (401 otherwise), writes <inbox>/<emsNo>/<messageId>.xml (a test message <inbox>/TEST/<messageId>.xml)
// atomically and answers 2xx only once the file is durable; a message id already stored is answered 2xx again
// without writing twice.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { PLATFORM_HEADERS } from "@/lib/signing/platform";
import { ZEmsNo, ZMessageId } from "@/lib/validations/identifiers";
import { storeMessageFile, TEST_MESSAGE_FOLDER, type StoreResult } from "./inbox";
import { readMessageHead } from "./message-head";
import { createPlatformKeySource, type PlatformKeySourceOptions } from "./platform-key-source";

export interface ImportClientOptions extends PlatformKeySourceOptions {
  inbox: string;
  /** Largest accepted body; a stock part of 2,000 rows is about 1.5 MB. */
  maxBodyBytes?: number;
  /** emsNo is the folder written to: the manual number, or TEST for a test message. */
  onStored?: (event: { messageId: string; emsNo: string; result: StoreResult }) => void;
}

const DEFAULT_MAX_BODY_BYTES = 64 * 1024 * 1024;

export function createImportClientServer(options: ImportClientOptions): Server {
  const getVerifier = createPlatformKeySource(options);
  // Concurrent deliveries of one id (a retry racing a slow first attempt) share one write.
  const inFlight = new Map<string, Promise<StoreResult>>();

  async function handlePush(request: IncomingMessage, response: ServerResponse) {
    const body = await readBody(request, options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES);
    if (!body) return answer(response, 413, { error: "报文过大" });
    const messageId = header(request, PLATFORM_HEADERS.messageId);
    const timestamp = header(request, PLATFORM_HEADERS.timestamp);
    const signature = header(request, PLATFORM_HEADERS.signature);
    let verify;
    try {
      verify = await getVerifier();
    } catch (error) {
      return answer(response, 503, { error: `无法取得平台公钥: ${(error as Error).message}` });
    }
    if (!ZMessageId.safeParse(messageId).success || !verify({ messageId, timestamp, signature, body })) {
      return answer(response, 401, { error: "平台签名验证失败" });
    }
    // Only the head is decoded: a stock part is a megabyte of mostly Chinese UTF-8, slower to decode than to verify.
    const headEnd = body.indexOf("</Head>");
    const head = readMessageHead(body.toString("utf8", 0, headEnd < 0 ? 0 : headEnd + "</Head>".length));
    const folder = head?.messageType === "TEST" ? TEST_MESSAGE_FOLDER : (head?.emsNo ?? "");
    if (!head || head.messageId !== messageId || (folder !== TEST_MESSAGE_FOLDER && !ZEmsNo.safeParse(folder).success)) {
      return answer(response, 400, { error: "报文头与报文ID不符或账册号无效" });
    }
    await inFlight.get(messageId)?.catch(() => undefined);
    const store = storeMessageFile({ inbox: options.inbox, emsNo: folder, messageId, body });
    inFlight.set(messageId, store);
    try {
      const result = await store;
      options.onStored?.({ messageId, emsNo: folder, result });
      answer(response, 200, { messageId, status: result });
    } finally {
      inFlight.delete(messageId);
    }
  }

  return createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    if (request.method === "POST" && url.pathname === "/push") {
      handlePush(request, response).catch((error) => {
        console.error("[import-client] storing failed:", error);
        if (!response.headersSent) answer(response, 500, { error: "报文保存失败" });
      });
    } else if (request.method === "GET" && url.pathname === "/health") {
      answer(response, 200, { status: "ok" });
    } else {
      answer(response, 404, { error: "not found" });
    }
  });
}

/** Starts the client on host:port (port 0 picks a free one); `url` is the push endpoint to register. */
export async function startImportClient(options: ImportClientOptions & { port: number; host?: string }) {
  const server = createImportClientServer(options);
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    server,
    port,
    url: `http://${host}:${port}/push`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

const header = (request: IncomingMessage, name: string): string => {
  const value = request.headers[name.toLowerCase()];
  return (Array.isArray(value) ? value[0] : value) ?? "";
};

async function readBody(request: IncomingMessage, maxBytes: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function answer(response: ServerResponse, status: number, payload: object) {
  response.writeHead(status, { "Content-Type": "application/json; charset=utf-8" });
  response.end(JSON.stringify(payload));
}
