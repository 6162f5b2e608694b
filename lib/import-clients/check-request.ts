// Checks a signed client request before the card is asked for, as the subscription rules are, so that a client
// of another enterprise, a card that cannot be bound or a refused endpoint is reported before the PIN. The
// signed action checks everything again in its own transaction.
import type { Db } from "@/lib/db/client";
import type { EnterpriseScope } from "@/lib/db/tenancy";
import { clientChallengeRequests, type TClientChallengeRequest } from "@/lib/validations/import-client";
import { assertBindableCard } from "./bind-card";
import { assertEndpointAllowed } from "./endpoint-policy";
import { findOwnedClient } from "./find-owned";

const clientActions: ReadonlySet<string> = new Set(clientChallengeRequests.map((option) => option.shape.action.value));

export const isClientChallengeRequest = (request: { action: string }): request is TClientChallengeRequest => clientActions.has(request.action);

export async function checkClientRequest(options: { db: Db; scope: EnterpriseScope; request: TClientChallengeRequest }): Promise<void> {
  const { db, scope, request } = options;
  if (request.action === "CLIENT_REGISTER") return assertEndpointAllowed({ endpointUrl: request.payload.endpointUrl });
  await findOwnedClient({ db, scope, clientId: request.payload.clientId });
  if (request.action === "CLIENT_BIND") await assertBindableCard({ db, scope, cardNo: request.payload.cardNo });
  if (request.action === "CLIENT_ENDPOINT") await assertEndpointAllowed({ endpointUrl: request.payload.endpointUrl });
}
