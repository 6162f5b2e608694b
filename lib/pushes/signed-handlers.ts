// What the signed resend action does once its signature is verified (R17): the chosen messages, or every
// failed message of the current query, delivered again with the same id and body.
import type { EnterpriseActor, SignedContext } from "@/lib/actions/run-signed";
import type { TResendRequest } from "@/lib/validations/push-log";
import { failedMessageIds } from "./log";
import { resendMessages } from "./resend";
import { AppError } from "@/lib/errors";

export async function resendHandler(input: TResendRequest, actor: EnterpriseActor, signed: SignedContext) {
  const messageIds = "messageIds" in input ? input.messageIds : await failedMessageIds({ tx: signed.tx, scope: actor.scope, query: input.failedOf });
  if (messageIds.length === 0) throw new AppError("RULE_VIOLATION", "本次查询中没有下发失败的报文");
  const result = await resendMessages({
    tx: signed.tx,
    scope: actor.scope,
    messageIds,
    audit: { actorUserId: actor.user.id, actorAccount: actor.user.accountCode, cardNo: signed.card.cardNo, signature: signed.signature, ip: actor.ip },
  });
  return { resent: result.messageIds.length, resentAt: result.resentAt.toISOString() };
}
