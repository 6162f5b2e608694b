// 修改下发方式 (推送 / 拉取) of an import client, signed with the legal-person card (docs/delivery-protocol.md B.1).
import { defineSignedAction } from "@/lib/signing/define";
import { ZDeliveryModeRequest } from "@/lib/validations/delivery-mode";
import { changeDeliveryMode, findClientForModeChange } from "../change-delivery-mode";

export const changeClientDeliveryMode = defineSignedAction({
  name: "CLIENT_DELIVERY_MODE",
  cardKinds: ["LEGAL_PERSON"],
  schema: ZDeliveryModeRequest,
  check: (input, { tx, actor }) =>
    findClientForModeChange({ db: tx, scope: actor.scope, clientId: input.clientId, deliveryMode: input.deliveryMode }),
  statement: (input) => [{ key: "clientDeliveryMode", values: { clientId: input.clientId, deliveryMode: input.deliveryMode } }],
  handle: (input, actor, signed) =>
    changeDeliveryMode({ tx: signed.tx, scope: actor.scope, clientId: input.clientId, deliveryMode: input.deliveryMode, audit: signed.audit }),
});
