// 取消订阅 (R10): ends the incremental part of a record, signed with the legal-person card.
import { defineSignedAction } from "@/lib/signing/define";
import { ZCancelRequest } from "@/lib/validations/subscription";
import { cancelSubscription } from "../cancel";
import { findActiveIncremental } from "../rules";

export const cancel = defineSignedAction({
  name: "CANCEL",
  cardKinds: ["LEGAL_PERSON"],
  schema: ZCancelRequest,
  check: (input, { tx, actor, now }) => findActiveIncremental(tx, actor.scope, input.subscriptionId, now),
  statement: (input, subscription) => [{ key: "cancel", values: { id: input.subscriptionId, emsNo: subscription.incrementalEmsNo ?? "" } }],
  handle: async (input, actor, signed) => {
    await cancelSubscription({ tx: signed.tx, scope: actor.scope, audit: signed.audit, subscriptionId: input.subscriptionId });
    return {};
  },
});
