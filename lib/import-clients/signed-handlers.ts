// What each signed action of 导入客户端管理 does once its signature is verified; shared by the server actions and
// the integration tests, which run them through the same runSignedAction path.
import type { EnterpriseActor, SignedContext } from "@/lib/actions/run-signed";
import type { TBindCardRequest, TClientRequest, TEndpointRequest, TRegisterClientRequest } from "@/lib/validations/import-client";
import { bindCardToClient } from "./bind-card";
import { changeClientEndpoint } from "./change-endpoint";
import { registerImportClient } from "./register";
import { resumeImportClient } from "./resume";
import { unbindCardFromClient } from "./unbind-card";

export function registerClientHandler(input: TRegisterClientRequest, actor: EnterpriseActor, signed: SignedContext) {
  return registerImportClient({ tx: signed.tx, scope: actor.scope, input, audit: signed.audit });
}

export async function bindCardHandler(input: TBindCardRequest, actor: EnterpriseActor, signed: SignedContext) {
  await bindCardToClient({ tx: signed.tx, scope: actor.scope, clientId: input.clientId, cardNo: input.cardNo, audit: signed.audit });
  return {};
}

export async function unbindCardHandler(input: TClientRequest, actor: EnterpriseActor, signed: SignedContext) {
  await unbindCardFromClient({ tx: signed.tx, scope: actor.scope, clientId: input.clientId, audit: signed.audit });
  return {};
}

export async function changeEndpointHandler(input: TEndpointRequest, actor: EnterpriseActor, signed: SignedContext) {
  await changeClientEndpoint({ tx: signed.tx, scope: actor.scope, clientId: input.clientId, endpointUrl: input.endpointUrl, audit: signed.audit });
  return {};
}

export function resumeClientHandler(input: TClientRequest, actor: EnterpriseActor, signed: SignedContext) {
  return resumeImportClient({ tx: signed.tx, scope: actor.scope, clientId: input.clientId, audit: signed.audit });
}
