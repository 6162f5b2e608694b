// The reference import client (docs/rules.md §6, docs/delivery-protocol.md): POST /push verifies the platform
// signature (401 otherwise), writes <inbox>/<emsNo>/<messageId>.xml (a test message <inbox>/TEST/<messageId>.xml)
// atomically and answers 2xx only once the file and its id in the ledger are durable; a message id accepted
// before (the ledger remembers it after the file has left the inbox) is answered 2xx again without writing.
// A signature whose timestamp is further than the allowed clock skew from now is refused: a captured push
// cannot be replayed once the ledger has forgotten its id.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { PLATFORM_HEADERS } from "@/lib/signing/platform";
import { ZEmsNo, ZMessageId } from "@/lib/validations/identifiers";
import { storeMessageFile, TEST_MESSAGE_FOLDER, type StoreResult } from "./inbox";
import { openAcceptedLedger, type AcceptedLedger } from "./ledger";
import { readMessageHead } from "./message-head";
import { createPlatformKeySource, type PlatformKeySourceOptions } from "./platform-key-source";

type PlatformKeySource = ReturnType<typeof createPlatformKeySource>;

export interface ImportClientOptions extends PlatformKeySourceOptions {
  inbox: string;
  /** Largest accepted body; a stock part of 2,000 rows is about 1.5 MB. */
  maxBodyBytes?: number;
  /** Where the ledger of accepted ids lives; default <inbox>/.state (a dot-folder, like <inbox>/.tmp). */
  stateDir?: string;
  /** How long an accepted id is remembered (default 30 days). */
  rememberDays?: number;
  /** Largest allowed distance of a signature's timestamp from this clock (default 300 s). */
  maxClockSkewSeconds?: number;
  now?: () => number;
  /** emsNo is the folder written to: the manual number, or TEST for a test message. */
  onStored?: (event: { messageId: string; emsNo: string; result: StoreResult }) => void;
}

const DEFAULT_MAX_BODY_BYTES = 64 * 1024 * 1024;
export const DEFAULT_REMEMBER_DAYS = 30;
export const DEFAULT_MAX_CLOCK_SKEW_SECONDS = 300;

function createImportClientServer(options: ImportClientOptions & { ledger: AcceptedLedger; keySource: PlatformKeySource }): {
  server: Server;
  /** Resolves once every store under way has finished (written and in the ledger, or failed). */
  settled: () => Promise<void>;
} {
  const { ledger } = options;
  const now = options.now ?? Date.now;
  const maxSkewMs = (options.maxClockSkewSeconds ?? DEFAULT_MAX_CLOCK_SKEW_SECONDS) * 1000;
  // Concurrent deliveries of one id (a retry racing a slow first attempt) share one write.
  const inFlight = new Map<string, Promise<StoreResult>>();
  // Set when the client stops: a message verified after that is not stored (the platform sends it again).
  let closing = false;

  async function handlePush(request: IncomingMessage, response: ServerResponse) {
    const body = await readBody(request, options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES);
    if (!body) return answer(response, 413, { error: "报文过大" });
    const messageId = header(request, PLATFORM_HEADERS.messageId);
    const timestamp = header(request, PLATFORM_HEADERS.timestamp);
    const signature = header(request, PLATFORM_HEADERS.signature);
    let verify;
    try {
      verify = await options.keySource.get();
    } catch (error) {
      return answer(response, 503, { error: `无法取得平台公钥: ${(error as Error).message}` });
    }
    if (!ZMessageId.safeParse(messageId).success || !(await verify({ messageId, timestamp, signature, body }))) {
      return answer(response, 401, { error: "平台签名验证失败" });
    }
    if (Math.abs(now() - Number(timestamp)) > maxSkewMs) {
      return answer(response, 401, { error: `平台签名时间戳与本机时间相差超过 ${maxSkewMs / 1000} 秒（重放的请求或时钟不准），未保存` });
    }
    // Only the head is decoded: a stock part is a megabyte of mostly Chinese UTF-8, slower to decode than to verify.
    const headEnd = body.indexOf("</Head>");
    const head = readMessageHead(body.toString("utf8", 0, headEnd < 0 ? 0 : headEnd + "</Head>".length));
    const folder = head?.messageType === "TEST" ? TEST_MESSAGE_FOLDER : (head?.emsNo ?? "");
    if (!head || head.messageId !== messageId || (folder !== TEST_MESSAGE_FOLDER && !ZEmsNo.safeParse(folder).success)) {
      return answer(response, 400, { error: "报文头与报文ID不符或账册号无效" });
    }
    await inFlight.get(messageId)?.catch(() => undefined);
    if (closing) return answer(response, 503, { error: "导入客户端正在停止，请稍后重发" });
    const store = acceptOnce({ ledger, inbox: options.inbox, emsNo: folder, messageId, body });
    inFlight.set(messageId, store);
    try {
      const result = await store;
      options.onStored?.({ messageId, emsNo: folder, result });
      answer(response, 200, { messageId, status: result });
    } finally {
      inFlight.delete(messageId);
    }
  }

  const server = createServer((request, response) => {
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
  const settled = async () => {
    closing = true;
    await Promise.allSettled([...inFlight.values()]);
  };
  return { server, settled };
}

/** Starts the client on host:port (port 0 picks a free one); `url` is the push endpoint to register. */
export async function startImportClient(options: ImportClientOptions & { port: number; host?: string }) {
  const ledger = await openAcceptedLedger({
    stateDir: options.stateDir ?? path.join(options.inbox, ".state"),
    retentionMs: (options.rememberDays ?? DEFAULT_REMEMBER_DAYS) * 86_400_000,
    now: options.now,
  });
  const keySource = createPlatformKeySource(options);
  const { server, settled } = createImportClientServer({ ...options, ledger, keySource });
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
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      // A store under way finishes first: closing the ledger under it would leave a durable file without its id.
      await settled();
      await ledger.close();
      await keySource.close();
    },
  };
}

/** Stores a message not accepted before; the ledger records it once the file is durable (also when a crash
 * between the two left the file without its ledger line). */
async function acceptOnce(options: { ledger: AcceptedLedger; inbox: string; emsNo: string; messageId: string; body: Buffer }): Promise<StoreResult> {
  const { ledger, ...file } = options;
  if (ledger.has(file.messageId)) return "duplicate";
  const result = await storeMessageFile(file);
  await ledger.remember(file.messageId);
  return result;
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
