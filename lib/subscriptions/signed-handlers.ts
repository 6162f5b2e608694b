// What each signed subscription action does once its signature is verified; shared by the server actions
// and the integration tests, which run them through the same runSignedAction path.
import type { z } from "zod";
import type { EnterpriseActor, SignedContext } from "@/lib/actions/run-signed";
import type { ZCancelRequest, ZExtendRequest, TSubscribeForm } from "@/lib/validations/subscription";
import { cancelSubscription } from "./cancel";
import { createSubscription } from "./create";
import { extendSubscription } from "./extend";

export async function subscribeHandler(input: TSubscribeForm, actor: EnterpriseActor, signed: SignedContext) {
  const subscription = await createSubscription({
    tx: signed.tx,
    scope: actor.scope,
    actor: { accountCode: actor.user.accountCode, customsCode: actor.user.customsCode ?? "" },
    card: signed.card,
    signature: signed.signature,
    signedPayload: signed.signedPayload,
    audit: signed.audit,
    input,
  });
  return { subscriptionId: subscription.id };
}

export async function cancelHandler(input: z.infer<typeof ZCancelRequest>, actor: EnterpriseActor, signed: SignedContext) {
  await cancelSubscription({ tx: signed.tx, scope: actor.scope, audit: signed.audit, subscriptionId: input.subscriptionId });
  return {};
}

export async function extendHandler(input: z.infer<typeof ZExtendRequest>, actor: EnterpriseActor, signed: SignedContext) {
  await extendSubscription({
    tx: signed.tx,
    scope: actor.scope,
    audit: signed.audit,
    subscriptionId: input.subscriptionId,
    validUntil: input.validUntil,
  });
  return {};
}
