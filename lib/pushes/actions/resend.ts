// 重发 (R17): the chosen messages, or every failed message of the current query, delivered again with the same
// id and body; signed with any card of the enterprise.
import type { Prisma } from "@/lib/db/client";
import type { EnterpriseScope } from "@/lib/db/tenancy";
import { AppError } from "@/lib/errors";
import { defineSignedAction } from "@/lib/signing/define";
import type { StatementPhrase } from "@/lib/signing/statement";
import { ZResendRequest, type TResendRequest } from "@/lib/validations/push-log";
import { failedMessageIds } from "../log";
import { findOwnedMessages, resendMessages } from "../resend";

/** The messages a resend request names: the chosen ones, or every failed message of the query. */
async function resendTargets(options: { tx: Prisma.TransactionClient; scope: EnterpriseScope; input: TResendRequest }) {
  const { tx, scope, input } = options;
  const messageIds = "messageIds" in input ? input.messageIds : await failedMessageIds({ tx, scope, query: input.failedOf });
  if (messageIds.length === 0) throw new AppError("RULE_VIOLATION", "pushes.noFailedInQuery");
  return [...new Set(messageIds)];
}

function resendStatement(input: TResendRequest, messageIds: string[]): StatementPhrase[] {
  if ("messageIds" in input) return [{ key: "resend", values: { count: messageIds.length, messageIds: messageIds.join("、") } }];
  const { emsNo, from, to } = input.failedOf;
  return [{ key: "resendFailed", values: { count: messageIds.length, emsNo: emsNo ?? "all", from, to } }];
}

export const resend = defineSignedAction({
  name: "RESEND",
  cardKinds: ["LEGAL_PERSON", "OPERATOR"],
  schema: ZResendRequest,
  check: async (input, { tx, actor }) => {
    const messageIds = await resendTargets({ tx, scope: actor.scope, input });
    await findOwnedMessages({ tx, scope: actor.scope, messageIds });
    return messageIds;
  },
  statement: resendStatement,
  handle: async (input, actor, signed) => {
    const messageIds = await resendTargets({ tx: signed.tx, scope: actor.scope, input });
    const result = await resendMessages({ tx: signed.tx, scope: actor.scope, messageIds, audit: signed.audit });
    return { resent: result.messageIds.length, resentAt: result.resentAt.toISOString() };
  },
});
