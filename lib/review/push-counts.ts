// How many push messages each of some subscriptions has, read through the PushMessage(subscriptionId) index.
// Prisma's relation count (`_count: { select: { pushMessages: true } }`) joins a GROUP BY over the whole
// PushMessage table instead — every message ever pushed, on every page of the review and every batch of its export.
import type { Db } from "@/lib/db/client";

export async function countPushMessages(options: { db: Db; subscriptionIds: number[] }): Promise<Map<number, number>> {
  if (options.subscriptionIds.length === 0) return new Map();
  const groups = await options.db.pushMessage.groupBy({
    by: ["subscriptionId"],
    where: { subscriptionId: { in: options.subscriptionIds } },
    _count: { _all: true },
  });
  return new Map(groups.map((group) => [group.subscriptionId!, group._count._all]));
}
