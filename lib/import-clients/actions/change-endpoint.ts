// 修改接收地址 of an import client, signed with the legal-person card.
import { defineSignedAction } from "@/lib/signing/define";
import { ZEndpointRequest } from "@/lib/validations/import-client";
import { changeClientEndpoint } from "../change-endpoint";
import { assertEndpointAllowed } from "../endpoint-policy";
import { findOwnedClient } from "../find-owned";

export const changeEndpoint = defineSignedAction({
  name: "CLIENT_ENDPOINT",
  cardKinds: ["LEGAL_PERSON"],
  schema: ZEndpointRequest,
  check: async (input, { tx, actor }) => {
    await findOwnedClient({ db: tx, scope: actor.scope, clientId: input.clientId });
    await assertEndpointAllowed({ endpointUrl: input.endpointUrl });
  },
  statement: (input) => [{ key: "clientEndpoint", values: { clientId: input.clientId, endpointUrl: input.endpointUrl } }],
  handle: async (input, actor, signed) => {
    await changeClientEndpoint({ tx: signed.tx, scope: actor.scope, clientId: input.clientId, endpointUrl: input.endpointUrl, audit: signed.audit });
    return {};
  },
});
