// `pull`: a client's next offerable messages (待下发, not leased), oldest first, leased to it until leasedUntil in
// one transaction with their PULL attempts; the rows are locked SKIP LOCKED, so two pulls of one client never get
// the same message. Expired leases of the client are recorded first (expire-leases.ts), so a message it did not
// acknowledge is offered again in its turn.
import { inSqlTransaction } from "@/lib/db/sql";
import type { EnterpriseScope } from "@/lib/db/tenancy";
import { signPlatformHeaders } from "@/lib/signing/platform";
import { expireLeases } from "./expire-leases";
import type { PulledMessage } from "./protocol";
import { PULL_MAX_BODY_BYTES, PULL_SWITCH_GRACE_MS } from "./settings";

export interface LeaseResult {
  messages: PulledMessage[];
  /** Set while the client has just switched to 拉取: nothing is offered before then. */
  offerAfter?: Date;
}

export async function leaseMessages(options: {
  importClientId: number;
  scope: EnterpriseScope;
  deliveryModeChangedAt: Date | null;
  max: number;
  leaseSeconds: number;
  now?: Date;
}): Promise<LeaseResult> {
  const { importClientId, scope, max } = options;
  const now = options.now ?? new Date();
  const offerAfter = options.deliveryModeChangedAt && new Date(options.deliveryModeChangedAt.getTime() + PULL_SWITCH_GRACE_MS);
  if (offerAfter && offerAfter > now) return { messages: [], offerAfter };
  await expireLeases({ importClientId, now });
  const leasedUntil = new Date(now.getTime() + options.leaseSeconds * 1_000);
  const rows = await inSqlTransaction(async (tx) => {
    const candidates = await tx.query<{ id: number; bytes: number }>(PICK_SQL, [importClientId, scope.enterpriseId, max]);
    const picked: number[] = [];
    let bytes = 0;
    for (const candidate of candidates) {
      if (picked.length > 0 && bytes + candidate.bytes > PULL_MAX_BODY_BYTES) break;
      picked.push(candidate.id);
      bytes += candidate.bytes;
    }
    if (picked.length === 0) return [];
    return tx.query<LeasedRow>(LEASE_SQL, [picked, leasedUntil, now]);
  });
  return {
    messages: rows.map((row) => ({
      messageId: row.messageId,
      type: row.type,
      emsNo: row.emsNo,
      body: row.body,
      headers: signPlatformHeaders({ messageId: row.messageId, body: row.body, at: now }),
      leasedUntil: leasedUntil.toISOString(),
    })),
  };
}

interface LeasedRow {
  messageId: string;
  type: string;
  emsNo: string | null;
  body: string;
}

const PICK_SQL = `
  SELECT id, octet_length(body) AS bytes FROM "PushMessage"
  WHERE "importClientId" = $1 AND "enterpriseId" = $2 AND "dispatchStatus" = 'PENDING' AND "leasedUntil" IS NULL
  ORDER BY id LIMIT $3
  FOR UPDATE SKIP LOCKED`;

// attemptNo is the count after the offer; the attempt's kind says it was a pull (200: the client got it).
const LEASE_SQL = `
  WITH leased AS (
    UPDATE "PushMessage" m SET "leasedUntil" = $2, "attemptCount" = m."attemptCount" + 1
    WHERE m.id = ANY($1::int[])
    RETURNING m.id, m."messageId", m.type::text AS type, m."emsNo", m.body, m."importClientId", m."attemptCount", m.resent
  ), recorded AS (
    INSERT INTO "DeliveryAttempt" ("pushMessageId", "importClientId", "attemptNo", "isResend", "startedAt", "durationMs", "httpStatus", delivered, kind)
    SELECT id, "importClientId", "attemptCount", resent, $3, 0, 200, false, 'PULL' FROM leased
  )
  SELECT "messageId", type, "emsNo", body FROM leased ORDER BY id`;
