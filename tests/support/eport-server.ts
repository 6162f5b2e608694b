// A stand-in for the e-port local client (ws://127.0.0.1:61232) for tests and development, answering its JSON
// protocol from virtual cards (tests/support/card/eport-emulator.ts). `port: 0` picks a free loopback port.
import { type Server, createServer } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { EPORT_GREETING, answerEportRequest } from "@/tests/support/card/eport-emulator";
import type { EportRequest } from "@/lib/card/eport-protocol";
import { VirtualCardSlot } from "@/lib/card/virtual-card";
import type { DemoCard } from "@/lib/demo/cards";
import { acceptWebSockets } from "@/tests/support/websocket";

export interface EportServer {
  url: string;
  port: number;
  /** The emulated reader: insert/remove cards, inspect tries left. */
  slot: VirtualCardSlot;
  close(): Promise<void>;
}

export async function startEportServer({
  port = 61232,
  host = "127.0.0.1",
  cards,
}: {
  port?: number;
  host?: string;
  cards: DemoCard[];
}): Promise<EportServer> {
  const slot = new VirtualCardSlot(cards);
  const server: Server = createServer((_request, response) => response.writeHead(426).end());
  const sockets = new Set<Socket>();
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });

  // One request at a time across all connections: there is one reader, and a card does one thing at a time.
  let queue = Promise.resolve();
  acceptWebSockets(server, (send) => {
    send(JSON.stringify(EPORT_GREETING));
    return {
      onText(text) {
        queue = queue.then(async () => {
          let request: EportRequest;
          try {
            request = JSON.parse(text);
          } catch {
            return; // the real client ignores frames it cannot parse as a call
          }
          send(JSON.stringify(await answerEportRequest(slot, request)));
        });
      },
    };
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const actualPort = (server.address() as AddressInfo).port;
  return {
    url: `ws://${host}:${actualPort}`,
    port: actualPort,
    slot,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
