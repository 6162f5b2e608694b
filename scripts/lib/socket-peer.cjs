// Preloaded into the web process (`node --require ./scripts/lib/socket-peer.cjs …/next start`). Next.js sets
// X-Forwarded-For from the socket only when the request has none (base-server.js: `??= socket.remoteAddress`)
// and gives route handlers and server actions no other way to the socket, so a client that sends the header
// would choose its own IP. Node publishes every request on this channel before the server sees it; appending the
// socket's peer, as nginx's $proxy_add_x_forwarded_for does, makes the last entry always the true peer.
const { subscribe } = require("node:diagnostics_channel");

subscribe("http.server.request.start", ({ request, socket }) => {
  const sent = request.headers["x-forwarded-for"];
  const peer = socket.remoteAddress ?? "unknown";
  request.headers["x-forwarded-for"] = sent ? `${sent}, ${peer}` : peer;
});
// lib/auth/client-ip.ts refuses to start production without it.
globalThis[Symbol.for("sw.socketPeer")] = true;
