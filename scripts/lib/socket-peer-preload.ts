/** Node arguments every web process starts with: X-Forwarded-For then always ends with the socket's peer (socket-peer.cjs). */
export const SOCKET_PEER_PRELOAD = ["--require", "./scripts/lib/socket-peer.cjs"];
