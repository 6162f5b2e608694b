// 绑定/更换卡介质 of an import client, signed with the legal-person card.
import { defineSignedAction } from "@/lib/signing/define";
import { ZBindCardRequest } from "@/lib/validations/import-client";
import { assertBindableCard, bindCardToClient } from "../bind-card";
import { findOwnedClient } from "../find-owned";

export const bindCard = defineSignedAction({
  name: "CLIENT_BIND",
  cardKinds: ["LEGAL_PERSON"],
  schema: ZBindCardRequest,
  check: async (input, { tx, actor }) => {
    await findOwnedClient({ db: tx, scope: actor.scope, clientId: input.clientId });
    await assertBindableCard({ db: tx, scope: actor.scope, cardNo: input.cardNo });
  },
  statement: (input) => [{ key: "clientBind", values: { clientId: input.clientId, cardNo: input.cardNo } }],
  handle: async (input, actor, signed) => {
    await bindCardToClient({ tx: signed.tx, scope: actor.scope, clientId: input.clientId, cardNo: input.cardNo, audit: signed.audit });
    return {};
  },
});
