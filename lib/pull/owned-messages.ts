// The client's own messages among the ids a request names: another client's or enterprise's id is answered as an
// unknown one, and a request naming any unknown id is refused whole, changing nothing.
import type { SqlTransaction } from "@/lib/db/sql";
import type { EnterpriseScope } from "@/lib/db/tenancy";
import { PullError } from "./errors";

export async function findClientMessages<R extends { messageId: string }>(options: {
  tx: Pick<SqlTransaction, "query">;
  importClientId: number;
  scope: EnterpriseScope;
  messageIds: string[];
  /** Selects R for the client's messages of $3 (ids); $1 the client, $2 the enterprise. */
  sql: string;
}): Promise<R[]> {
  const { importClientId, scope, messageIds } = options;
  const rows = await options.tx.query<R>(options.sql, [importClientId, scope.enterpriseId, messageIds]);
  const found = new Set(rows.map((row) => row.messageId));
  const unknown = messageIds.filter((id) => !found.has(id));
  if (unknown.length > 0) throw new PullError(404, "UNKNOWN_MESSAGES", `not messages of this client: ${unknown.slice(0, 20).join(", ")}`);
  return rows;
}
