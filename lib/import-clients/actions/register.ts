// 注册导入客户端: the platform assigns the 客户端ID; signed with the legal-person card.
import { defineSignedAction } from "@/lib/signing/define";
import { ZRegisterClientRequest } from "@/lib/validations/import-client";
import { assertEndpointAllowed } from "../endpoint-policy";
import { registerImportClient } from "../register";

export const registerClient = defineSignedAction({
  name: "CLIENT_REGISTER",
  cardKinds: ["LEGAL_PERSON"],
  schema: ZRegisterClientRequest,
  check: (input) => assertEndpointAllowed({ endpointUrl: input.endpointUrl }),
  statement: (input) => [{ key: "clientRegister", values: { name: input.name, endpointUrl: input.endpointUrl } }],
  handle: (input, actor, signed) => registerImportClient({ tx: signed.tx, scope: actor.scope, input, audit: signed.audit }),
});
