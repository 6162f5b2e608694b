"use server";

// Issues the single-use challenge a card signs. The payload is checked first (for a subscription, every
// rule; for a cancel, extend or resend, that the record or messages are the enterprise's own; for an import
// client, its owner, the card and the endpoint), so that errors appear before the user is asked for the PIN.
import { z } from "zod";
import { db } from "@/lib/db/client";
import { checkClientRequest, isClientChallengeRequest } from "@/lib/import-clients/check-request";
import { checkResendRequest } from "@/lib/pushes/check-resend";
import { issueChallenge } from "@/lib/signing/challenge";
import { checkRecordRequest } from "@/lib/subscriptions/check-request";
import { prepareSubscription } from "@/lib/subscriptions/create";
import { clientChallengeRequests } from "@/lib/validations/import-client";
import { ZResendRequest } from "@/lib/validations/push-log";
import { ZCancelRequest, ZExtendRequest, ZSubscribeForm } from "@/lib/validations/subscription";
import { enterpriseAction } from "../safe-action";

const ZChallengeRequest = z.discriminatedUnion(
  "action",
  [
    z.object({ action: z.literal("SUBSCRIBE"), payload: ZSubscribeForm }),
    z.object({ action: z.literal("CANCEL"), payload: ZCancelRequest }),
    z.object({ action: z.literal("EXTEND"), payload: ZExtendRequest }),
    z.object({ action: z.literal("RESEND"), payload: ZResendRequest }),
    ...clientChallengeRequests,
  ],
  "signing.unsupportedAction",
);

export const requestChallengeAction = enterpriseAction(ZChallengeRequest, async (request, actor) => {
  if (request.action === "SUBSCRIBE") {
    await db.$transaction((tx) =>
      prepareSubscription({ tx, scope: actor.scope, customsCode: actor.user.customsCode ?? "", input: request.payload, now: new Date() }),
    );
  } else if (request.action === "CANCEL" || request.action === "EXTEND") {
    await checkRecordRequest({ db, scope: actor.scope, request, now: new Date() });
  } else if (request.action === "RESEND") {
    await checkResendRequest({ db, scope: actor.scope, input: request.payload });
  } else if (isClientChallengeRequest(request)) {
    await checkClientRequest({ db, scope: actor.scope, request });
  }
  return issueChallenge({ db, userId: actor.user.id, action: request.action, payload: request.payload });
});

export type TChallengeRequest = z.input<typeof ZChallengeRequest>;
