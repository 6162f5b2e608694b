// R20: every state change and refusal goes to the append-only AuditLog.
import type { Db, Prisma } from "@/lib/db/client";

export const auditActions = [
  "LOGIN",
  "LOGIN_FAILED",
  "SUBSCRIBE",
  "CANCEL",
  "EXTEND",
  "RESEND",
  "APPROVE",
  "REJECT",
  "EXPIRE",
  "SIGNATURE_REFUSED",
  "ACTION_REFUSED",
  "CARD_REGISTERED",
  "CARD_REVOKED",
  "INGEST_MANUAL",
  "INGEST_CHANGE",
  "EXPORT",
  "CLIENT_REGISTER",
  "CLIENT_BIND",
  "CLIENT_UNBIND",
  "CLIENT_ENDPOINT",
  "CLIENT_TEST",
  "CLIENT_PAUSE",
  "CLIENT_RESUME",
  "CLIENT_DELIVERY_MODE",
  "CLIENT_AUTO_RESUME",
  "PASSWORD_CHANGE",
  "USER_DISABLE",
  "USER_ENABLE",
  "ADMIN_CREATE",
] as const;

export type AuditAction = (typeof auditActions)[number];

export interface AuditEntry {
  action: AuditAction;
  outcome?: "OK" | "REFUSED";
  actorUserId?: number | null;
  actorAccount?: string | null;
  enterpriseId?: number | null;
  targetType?: string;
  targetId?: string | number;
  cardNo?: string | null;
  signature?: string | null;
  detail?: Prisma.InputJsonValue;
  ip?: string | null;
  signedMessage?: Uint8Array<ArrayBuffer> | null;
  signedFormat?: string | null;
}

/**
 * Who signed a signed action and what exactly: built once by the signed-action wrapper (lib/actions/run-signed.ts)
 * and written as is into the action's entry, so every signed entry can be verified again (verify-signed-entry.ts).
 */
export interface SignedAudit {
  actorUserId: number;
  actorAccount: string;
  ip: string | null;
  cardNo: string;
  signature: string;
  signedMessage: Uint8Array<ArrayBuffer>;
  signedFormat: string;
}

const toRow = (entry: AuditEntry) => ({
  ...entry,
  outcome: entry.outcome ?? "OK",
  targetId: entry.targetId === undefined ? undefined : String(entry.targetId),
});

export async function writeAudit(client: Db | Prisma.TransactionClient, entry: AuditEntry) {
  await client.auditLog.create({ data: toRow(entry) });
}

/** Several entries of one act in one statement (e.g. a resend: one per message). */
export async function writeAuditEntries(client: Db | Prisma.TransactionClient, entries: AuditEntry[]) {
  await client.auditLog.createMany({ data: entries.map(toRow) });
}
