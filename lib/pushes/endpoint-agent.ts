// The keep-alive agents (node:http, node:https) every delivery and test message is posted over. Each new
// connection is decided when it is opened: the agent's lookup resolves the endpoint's name once and checks
// every address (lib/security/endpoint-addresses.ts), and the socket connects to exactly those addresses,
// with no second lookup, so a name re-pointed inward after it was saved (DNS rebinding) is refused before any
// socket is opened. Sockets are pooled per host:port; a pooled socket goes to an address checked when it was
// opened. One agent per policy, so a socket opened while private addresses were allowed is never reused after.
import http from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { assertConnectable, privateEndpointsAllowed, resolveEndpointHost } from "@/lib/security/endpoint-addresses";

// An idle connection is closed before the 5 s keep-alive of common servers (Node's included) runs out.
const FREE_SOCKET_TIMEOUT_MS = 4_000;

type Protocol = "http:" | "https:";
const agents = new Map<string, http.Agent>();

/** The agent for an endpoint's protocol under the current policy (privateEndpointsAllowed). */
export function endpointAgent(protocol: Protocol): http.Agent {
  const allowPrivate = privateEndpointsAllowed();
  const key = `${protocol}${allowPrivate}`;
  let agent = agents.get(key);
  if (!agent) {
    agent = guardedAgent(protocol, allowPrivate);
    agents.set(key, agent);
  }
  return agent;
}

function guardedAgent(protocol: Protocol, allowPrivate: boolean): http.Agent {
  const options = { keepAlive: true, timeout: FREE_SOCKET_TIMEOUT_MS, lookup: guardedLookup(allowPrivate) };
  const agent = protocol === "https:" ? new https.Agent(options) : new http.Agent(options);
  const connect = agent.createConnection.bind(agent);
  // net.connect skips the lookup for an address, so an address is checked here.
  agent.createConnection = (connectOptions, callback) => {
    const host = connectOptions.host ?? "";
    if (isIP(host)) {
      try {
        assertConnectable({ host, addresses: [host], allowPrivate });
      } catch (error) {
        callback?.(error as Error, undefined as never);
        return undefined;
      }
    }
    return connect(connectOptions, callback);
  };
  return agent;
}

function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    void resolveEndpointHost(hostname).then((addresses) => {
      try {
        assertConnectable({ host: hostname, addresses, allowPrivate });
      } catch (error) {
        return callback(error as Error, "");
      }
      const entries = addresses.map((address) => ({ address, family: isIP(address) }));
      if (options.all) callback(null, entries);
      else callback(null, entries[0].address, entries[0].family);
    });
  };
}
