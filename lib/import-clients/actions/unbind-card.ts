// 解绑卡介质 of an import client, signed with the legal-person card.
import { defineSignedAction } from "@/lib/signing/define";
import { ZClientRequest } from "@/lib/validations/import-client";
import { findOwnedClient } from "../find-owned";
import { unbindCardFromClient } from "../unbind-card";

export const unbindCard = defineSignedAction({
  name: "CLIENT_UNBIND",
  cardKinds: ["LEGAL_PERSON"],
  schema: ZClientRequest,
  check: (input, { tx, actor }) => findOwnedClient({ db: tx, scope: actor.scope, clientId: input.clientId }),
  statement: (input, client) => [{ key: "clientUnbind", values: { clientId: input.clientId, cardNo: client.boundCardNo ?? "-" } }],
  handle: async (input, actor, signed) => {
    await unbindCardFromClient({ tx: signed.tx, scope: actor.scope, clientId: input.clientId, audit: signed.audit });
    return {};
  },
});
