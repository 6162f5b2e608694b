// `ack`: the client holds these messages durably. Each becomes 下发成功 with an ACK attempt, in one transaction;
// one acknowledged before is reported as such and not counted again. Only messages the client was offered (a
// PULL attempt) can be acknowledged, in any mode: a lease still running when its client switched to 推送 is
// settled by its ack, and the push worker, finding the message delivered, does not post it. A late ack of a
// message whose offers ran out (下发失败) makes it 下发成功 too: the client has it.
import { inSqlTransaction } from "@/lib/db/sql";
import type { EnterpriseScope } from "@/lib/db/tenancy";
import { metrics } from "@/lib/metrics/registry";
import { findClientMessages } from "./owned-messages";

export interface AckResult {
  acknowledged: string[];
  alreadyAcknowledged: string[];
}

export async function ackMessages(options: { importClientId: number; scope: EnterpriseScope; messageIds: string[]; now?: Date }): Promise<AckResult> {
  const { importClientId, scope } = options;
  const messageIds = [...new Set(options.messageIds)];
  const now = options.now ?? new Date();
  const result = await inSqlTransaction(async (tx) => {
    const rows = await findClientMessages<OfferedRow>({ tx, importClientId, scope, messageIds, sql: OFFERED_SQL });
    const settled = rows.filter((row) => row.dispatchStatus === "DELIVERED");
    const open = rows.filter((row) => row.dispatchStatus !== "DELIVERED");
    if (open.length > 0) await tx.query(ACK_SQL, [open.map((row) => row.id), now, importClientId, open.some((row) => row.type !== "TEST")]);
    return { open, settled };
  });
  for (const row of result.open) metrics.messagesDelivered.inc({ type: row.type });
  return { acknowledged: result.open.map((row) => row.messageId), alreadyAcknowledged: result.settled.map((row) => row.messageId) };
}

interface OfferedRow {
  id: number;
  messageId: string;
  type: string;
  dispatchStatus: string;
}

const OFFERED_SQL = `
  SELECT m.id, m."messageId", m.type::text AS type, m."dispatchStatus"::text AS "dispatchStatus" FROM "PushMessage" m
  WHERE m."importClientId" = $1 AND m."enterpriseId" = $2 AND m."messageId" = ANY($3::text[])
    AND EXISTS (SELECT 1 FROM "DeliveryAttempt" a WHERE a."pushMessageId" = m.id AND a.kind = 'PULL')
  ORDER BY m.id
  FOR UPDATE OF m`;

// The client's health as a delivered POST keeps it (lib/pushes/record-attempts.ts), for data messages only.
const ACK_SQL = `
  WITH acked AS (
    UPDATE "PushMessage" m
    SET "dispatchStatus" = 'DELIVERED', "deliveredAt" = $2, "leasedUntil" = NULL, "lastError" = NULL, "attemptCount" = m."attemptCount" + 1
    WHERE m.id = ANY($1::int[])
    RETURNING m.id, m."attemptCount", m.resent
  ), healthy AS (
    UPDATE "ImportClient" c SET "failingSince" = NULL, "lastDeliveredAt" = $2 WHERE c.id = $3 AND $4::boolean
  )
  INSERT INTO "DeliveryAttempt" ("pushMessageId", "importClientId", "attemptNo", "isResend", "startedAt", "durationMs", "httpStatus", delivered, kind)
  SELECT id, $3, "attemptCount", resent, $2, 0, 200, true, 'ACK' FROM acked`;
