// Checks a resend request before the card is asked for (R17), as the other signed requests are: every message
// must be the enterprise's own, and a query must find failed ones. Without it another enterprise's message
// ids got a challenge and were refused only after the PIN. The signed action checks again in its transaction.
import type { Db } from "@/lib/db/client";
import type { EnterpriseScope } from "@/lib/db/tenancy";
import type { TResendRequest } from "@/lib/validations/push-log";
import { findOwnedMessages } from "./resend";
import { resendTargets } from "./signed-handlers";

export async function checkResendRequest(options: { db: Db; scope: EnterpriseScope; input: TResendRequest }): Promise<void> {
  const { db, scope, input } = options;
  const messageIds = [...new Set(await resendTargets({ tx: db, scope, input }))];
  await findOwnedMessages({ tx: db, scope, messageIds });
}
