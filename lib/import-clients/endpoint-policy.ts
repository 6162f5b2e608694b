// Where an import client's endpoint may point (lib/security/endpoint-addresses.ts), checked when it is saved: an early,
// friendly refusal beside the form field. It is not the control: every connection is checked again when it is
// opened (lib/pushes/endpoint-agent.ts), since a name can be re-pointed after it was saved. CLIENT_ENDPOINT_ALLOW_PRIVATE
// lifts the rule for installations whose clients are on their intranet; outside production it does not apply,
// so the demo and the tests use the reference client on loopback.
import { isIP } from "node:net";
import { AppError, type RefusalKey, type RefusalValues } from "@/lib/errors";
import { privateEndpointsAllowed, refusedAddress, resolveEndpointHost } from "@/lib/security/endpoint-addresses";

const refuse = (key: RefusalKey, values?: RefusalValues) => new AppError("INVALID_INPUT", key, values, { endpointUrl: { key, values } });

/** Throws AppError(INVALID_INPUT) with a field error on endpointUrl; the URL itself is already valid (ZEndpointUrl). */
export async function assertEndpointAllowed(options: {
  endpointUrl: string;
  allowPrivate?: boolean;
  resolve?: (host: string) => Promise<string[]>;
}): Promise<void> {
  if (options.allowPrivate ?? privateEndpointsAllowed()) return;
  const host = new URL(options.endpointUrl).hostname.replace(/^\[(.*)\]$/, "$1").toLowerCase();
  if (host === "localhost" || host.endsWith(".localhost")) throw refuse("importClients.endpointLocalhost");
  const addresses = isIP(host) ? [host] : await (options.resolve ?? resolveEndpointHost)(host).catch((): string[] => []);
  if (addresses.length === 0) throw refuse("importClients.endpointUnresolvable", { host });
  if (refusedAddress(addresses)) throw refuse("importClients.endpointNotPublic");
}
