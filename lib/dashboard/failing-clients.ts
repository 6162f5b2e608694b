// Dashboard: the import clients failing now (lib/import-clients/failing-now.ts), paused ones first, then the
// longest failing, with the figures of the admins' client health view (lib/review/client-health.ts).
import type { Db } from "@/lib/db/client";
import { failingNowWhere } from "@/lib/import-clients/failing-now";
import { clientHealthSelect, withHealthFigures, type ClientHealthRow } from "@/lib/review/client-health";

export async function listFailingClients(options: { db: Db; limit?: number }): Promise<ClientHealthRow[]> {
  const clients = await options.db.importClient.findMany({
    where: failingNowWhere,
    // The enum's order is ACTIVE, PAUSED.
    orderBy: [{ status: "desc" }, { failingSince: { sort: "asc", nulls: "last" } }, { id: "asc" }],
    take: options.limit ?? 20,
    select: clientHealthSelect,
  });
  return withHealthFigures({ db: options.db, clients });
}

export function countFailingClients(options: { db: Db }): Promise<number> {
  return options.db.importClient.count({ where: failingNowWhere });
}
