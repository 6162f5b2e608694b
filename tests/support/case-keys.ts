// The key of an endpoint's case in the suites that cover every endpoint (tenant isolation, fuzzing): a signed
// action's is its name in the registry (lib/signing/registry.ts), which its server action carries; any other
// endpoint's is its "file#export".
import type { Endpoint } from "./registry";

export function endpointsByCase(endpoints: Map<string, Endpoint>): Map<string, Endpoint> {
  return new Map([...endpoints].map(([key, endpoint]) => [(endpoint as { signedAction?: string }).signedAction ?? key, endpoint]));
}
