// "Which enterprises received manual X's data?" (issue 18): the manual's data messages (stock and increment,
// not TEST) dispatched in a range of Asia/Shanghai days, grouped by enterprise and import client, with their
// counts by 下发状态 and the last delivery. Read through the PushMessage(emsNo, dispatchedAt) index; the range is
// the push-message list's, so each count links to exactly the messages it counts.
import type { Db } from "@/lib/db/client";
import { shanghaiDaysFilter } from "@/lib/time/shanghai";

export interface ManualRecipientClient {
  clientId: string;
  clientName: string;
  delivered: number;
  failed: number;
  pending: number;
  /** The latest 下发成功 of its messages in the range. */
  lastDeliveredAt: Date | null;
}

export interface ManualRecipient {
  customsCode: string;
  enterpriseName: string;
  clients: ManualRecipientClient[];
}

export async function listManualRecipients(options: { db: Db; emsNo: string; dateFrom?: string; dateTo?: string }): Promise<ManualRecipient[]> {
  const { db } = options;
  const dispatchedAt = shanghaiDaysFilter({ from: options.dateFrom, to: options.dateTo });
  const groups = await db.pushMessage.groupBy({
    by: ["enterpriseId", "importClientId", "dispatchStatus"],
    where: { emsNo: options.emsNo, type: { not: "TEST" }, ...(dispatchedAt ? { dispatchedAt } : {}) },
    _count: { _all: true },
    _max: { deliveredAt: true },
  });
  if (groups.length === 0) return [];
  const [enterprises, clients] = await Promise.all([
    db.enterprise.findMany({ where: { id: { in: groups.map((g) => g.enterpriseId) } }, select: { id: true, customsCode: true, name: true } }),
    db.importClient.findMany({ where: { id: { in: groups.map((g) => g.importClientId) } }, select: { id: true, clientId: true, name: true } }),
  ]);
  const clientById = new Map(clients.map((c) => [c.id, c]));

  // enterpriseId → importClientId → its row.
  const byEnterprise = new Map<number, Map<number, ManualRecipientClient>>();
  for (const group of groups) {
    const clientsOf = byEnterprise.get(group.enterpriseId) ?? new Map<number, ManualRecipientClient>();
    const client = clientById.get(group.importClientId)!;
    const row = clientsOf.get(group.importClientId) ?? {
      clientId: client.clientId,
      clientName: client.name,
      delivered: 0,
      failed: 0,
      pending: 0,
      lastDeliveredAt: null,
    };
    row[statusCount[group.dispatchStatus]] += group._count._all;
    const delivered = group._max.deliveredAt;
    if (delivered && (!row.lastDeliveredAt || delivered > row.lastDeliveredAt)) row.lastDeliveredAt = delivered;
    clientsOf.set(group.importClientId, row);
    byEnterprise.set(group.enterpriseId, clientsOf);
  }
  return enterprises
    .map((enterprise) => ({
      customsCode: enterprise.customsCode,
      enterpriseName: enterprise.name,
      clients: [...byEnterprise.get(enterprise.id)!.values()].sort((a, b) => a.clientId.localeCompare(b.clientId)),
    }))
    .sort((a, b) => a.customsCode.localeCompare(b.customsCode));
}

const statusCount = { DELIVERED: "delivered", FAILED: "failed", PENDING: "pending" } as const;
