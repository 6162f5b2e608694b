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
import type { StoreResult } from "./inbox";
import { openAcceptedLedger, type AcceptedLedger } from "./ledger";
import { createPlatformKeySource, type PlatformKeySourceOptions } from "./platform-key-source";
import { createReceiver } from "./receive";

export { DEFAULT_MAX_CLOCK_SKEW_SECONDS } from "./receive";

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

function createImportClientServer(options: ImportClientOptions & { ledger: AcceptedLedger; keySource: PlatformKeySource }): {
  server: Server;
  /** Resolves once every store under way has finished (written and in the ledger, or failed). */
  settled: () => Promise<void>;
} {
  const { receive, settled } = createReceiver(options);

  async function handlePush(request: IncomingMessage, response: ServerResponse) {
    const body = await readBody(request, options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES);
    if (!body) return answer(response, 413, { error: "报文过大" });
    const outcome = await receive({
      messageId: header(request, PLATFORM_HEADERS.messageId),
      timestamp: header(request, PLATFORM_HEADERS.timestamp),
      signature: header(request, PLATFORM_HEADERS.signature),
      body,
    });
    if (outcome.status !== 200) return answer(response, outcome.status, { error: outcome.error });
    options.onStored?.({ messageId: outcome.messageId, emsNo: outcome.emsNo, result: outcome.result });
    answer(response, 200, { messageId: outcome.messageId, status: outcome.result });
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
