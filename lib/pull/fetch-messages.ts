// `fetch`: messages of the client by id, whatever their status, with fresh platform signature headers, for a
// client that reconciled and found them missing (reconcile in lib/import-client). Nothing is leased or recorded:
// the message's status stays what the manifest said.
import { pgPool } from "@/lib/db/client";
import type { EnterpriseScope } from "@/lib/db/tenancy";
import { signPlatformHeaders } from "@/lib/signing/platform";
import { findClientMessages } from "./owned-messages";
import type { PulledMessage } from "./protocol";

export async function fetchMessages(options: {
  importClientId: number;
  scope: EnterpriseScope;
  messageIds: string[];
  now?: Date;
}): Promise<PulledMessage[]> {
  const { importClientId, scope } = options;
  const now = options.now ?? new Date();
  const messageIds = [...new Set(options.messageIds)];
  const rows = await findClientMessages<{ messageId: string; type: string; emsNo: string | null; body: string }>({
    tx: { query: async (text, values) => (await pgPool().query(text, values)).rows },
    importClientId,
    scope,
    messageIds,
    sql: `SELECT "messageId", type::text AS type, "emsNo", body FROM "PushMessage"
      WHERE "importClientId" = $1 AND "enterpriseId" = $2 AND "messageId" = ANY($3::text[]) ORDER BY id`,
  });
  return rows.map((row) => ({ ...row, headers: signPlatformHeaders({ messageId: row.messageId, body: row.body, at: now }) }));
}
