// What the signed resend action does once its signature is verified (R17): the chosen messages, or every
// failed message of the current query, delivered again with the same id and body.
import type { EnterpriseActor, SignedContext } from "@/lib/actions/run-signed";
import type { Prisma } from "@/lib/db/client";
import type { EnterpriseScope } from "@/lib/db/tenancy";
import type { TResendRequest } from "@/lib/validations/push-log";
import { failedMessageIds } from "./log";
import { resendMessages } from "./resend";
import { AppError } from "@/lib/errors";

/** The messages a resend request names: the chosen ones, or every failed message of the query. */
export async function resendTargets(options: { tx: Prisma.TransactionClient; scope: EnterpriseScope; input: TResendRequest }) {
  const { tx, scope, input } = options;
  const messageIds = "messageIds" in input ? input.messageIds : await failedMessageIds({ tx, scope, query: input.failedOf });
  if (messageIds.length === 0) throw new AppError("RULE_VIOLATION", "pushes.noFailedInQuery");
  return messageIds;
}

export async function resendHandler(input: TResendRequest, actor: EnterpriseActor, signed: SignedContext) {
  const messageIds = await resendTargets({ tx: signed.tx, scope: actor.scope, input });
  const result = await resendMessages({
    tx: signed.tx,
    scope: actor.scope,
    messageIds,
    audit: signed.audit,
  });
  return { resent: result.messageIds.length, resentAt: result.resentAt.toISOString() };
}
