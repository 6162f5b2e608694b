// 延期 (R11): a later end date for a record's incremental part, signed with the legal-person card.
import { defineSignedAction } from "@/lib/signing/define";
import { formatShanghaiDateTime } from "@/lib/time/shanghai";
import { ZExtendRequest } from "@/lib/validations/subscription";
import { extendSubscription } from "../extend";
import { findActiveIncremental, validUntilFromDay } from "../rules";

export const extend = defineSignedAction({
  name: "EXTEND",
  cardKinds: ["LEGAL_PERSON"],
  schema: ZExtendRequest,
  check: async (input, { tx, actor, now }) => {
    const subscription = await findActiveIncremental(tx, actor.scope, input.subscriptionId, now);
    return { subscription, validUntil: validUntilFromDay(input.validUntil, now, { after: subscription.validUntil }) };
  },
  statement: (input, { subscription, validUntil }) => [
    {
      key: "extend",
      values: {
        id: input.subscriptionId,
        emsNo: subscription.incrementalEmsNo ?? "",
        from: formatShanghaiDateTime(subscription.validUntil),
        to: formatShanghaiDateTime(validUntil),
      },
    },
  ],
  handle: async (input, actor, signed) => {
    await extendSubscription({
      tx: signed.tx,
      scope: actor.scope,
      audit: signed.audit,
      subscriptionId: input.subscriptionId,
      validUntil: input.validUntil,
    });
    return {};
  },
});
