// Checks a cancel or extend request before the card is asked for, as a subscription request is: the record
// must be the enterprise's own active incremental one and the new end date allowed (R10, R11). Without it
// another enterprise's record ids got a challenge and were refused only after the PIN. The signed action
// checks again in its own transaction.
import type { z } from "zod";
import type { Db } from "@/lib/db/client";
import type { EnterpriseScope } from "@/lib/db/tenancy";
import type { ZCancelRequest, ZExtendRequest } from "@/lib/validations/subscription";
import { findActiveIncremental, validUntilFromDay } from "./rules";

export type TRecordRequest =
  { action: "CANCEL"; payload: z.infer<typeof ZCancelRequest> } | { action: "EXTEND"; payload: z.infer<typeof ZExtendRequest> };

export async function checkRecordRequest(options: { db: Db; scope: EnterpriseScope; request: TRecordRequest; now: Date }): Promise<void> {
  const { db, scope, request, now } = options;
  const subscription = await findActiveIncremental(db, scope, request.payload.subscriptionId, now);
  if (request.action === "EXTEND") validUntilFromDay(request.payload.validUntil, now, { after: subscription.validUntil });
}
