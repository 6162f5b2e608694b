// The pull API's route handlers (app/api/pull/v1/*) served on a random loopback port by node:http, without a Next.js
// build, so that integration tests, drills and the bench run the real import client against the real routes.
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import * as ack from "@/app/api/pull/v1/ack/route";
import * as fetchRoute from "@/app/api/pull/v1/fetch/route";
import * as manifest from "@/app/api/pull/v1/manifest/route";
import * as messages from "@/app/api/pull/v1/messages/route";
import { PULL_PATHS } from "@/lib/pull/protocol";
import { stopPullListener } from "@/lib/pull/wake";

const routes: Record<string, (request: Request) => Promise<Response>> = {
  [PULL_PATHS.messages]: messages.POST,
  [PULL_PATHS.ack]: ack.POST,
  [PULL_PATHS.manifest]: manifest.POST,
  [PULL_PATHS.fetch]: fetchRoute.POST,
};

export async function startPullPortal(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer(async (incoming, outgoing) => {
    const url = new URL(incoming.url ?? "/", "http://127.0.0.1");
    const route = incoming.method === "POST" ? routes[url.pathname] : undefined;
    if (!route) return outgoing.writeHead(404).end();
    const hangUp = new AbortController();
    outgoing.on("close", () => hangUp.abort());
    const response = await route(toRequest(incoming, url, hangUp.signal));
    outgoing.writeHead(response.status, Object.fromEntries(response.headers));
    outgoing.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await stopPullListener();
    },
  };
}

function toRequest(incoming: IncomingMessage, url: URL, signal: AbortSignal): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) if (typeof value === "string") headers.set(name, value);
  return new Request(url, { method: "POST", headers, body: Readable.toWeb(incoming) as ReadableStream, duplex: "half", signal } as RequestInit);
}
