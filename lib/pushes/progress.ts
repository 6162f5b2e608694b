// Progress of stock pushes for the records page (issue 5): of the parts a subscription has, how many are
// built, delivered, failed or still pending. Scoped to the enterprise like every read of its data.
import type { Db } from "@/lib/db/client";

export interface StockProgress {
  subscriptionId: number;
  /** Parts of the push; null until the dispatch job has built them. */
  total: number | null;
  built: number;
  delivered: number;
  failed: number;
  pending: number;
}

export async function getStockProgress(options: { db: Db; enterpriseId: number; subscriptionIds: number[] }): Promise<Record<number, StockProgress>> {
  const { db, enterpriseId, subscriptionIds } = options;
  const progress: Record<number, StockProgress> = {};
  for (const subscriptionId of subscriptionIds) {
    progress[subscriptionId] = { subscriptionId, total: null, built: 0, delivered: 0, failed: 0, pending: 0 };
  }
  if (subscriptionIds.length === 0) return progress;
  const groups = await db.pushMessage.groupBy({
    by: ["subscriptionId", "dispatchStatus"],
    where: { enterpriseId, type: "STOCK", subscriptionId: { in: subscriptionIds } },
    _count: { _all: true },
    _max: { partCount: true },
  });
  for (const group of groups) {
    const entry = progress[group.subscriptionId!];
    const count = group._count._all;
    entry.total = group._max.partCount;
    entry.built += count;
    if (group.dispatchStatus === "DELIVERED") entry.delivered += count;
    else if (group.dispatchStatus === "FAILED") entry.failed += count;
    else entry.pending += count;
  }
  return progress;
}

/** Still moving: not yet built (待生成), or parts still to build or to deliver. */
export const isInFlight = (progress: StockProgress): boolean => progress.total === null || progress.built < progress.total || progress.pending > 0;
