// R13: an approved change is pushed as INCREMENT messages to every incremental subscription of its manual
// that was ACTIVE at the approval and whose validity covers it (createdAt ≤ decidedAt ≤ validUntil), and
// that is still dispatchable now (R12). Content comes from the change's approvedSnapshot, fixed at approval.
import type { Db } from "@/lib/db/client";
import { inSqlTransaction } from "@/lib/db/sql";
import { metrics } from "@/lib/metrics/registry";
import { ZApprovedSnapshot } from "@/lib/manuals/change-schema";
import { effectiveStatusWhere } from "@/lib/subscriptions/validity";
import { buildIncrementMessage } from "./increment-message";
import { nextMessageIds } from "./message-id";
import { splitIntoParts } from "./parts";
import { storePushMessages, type NewPushMessage } from "./store-messages";

const changeDedupeKey = (options: { manualChangeId: number; subscriptionId: number; partNo: number }) =>
  `change:${options.manualChangeId}:${options.subscriptionId}:${options.partNo}`;

export async function dispatchApprovedChange(options: { db: Db; manualChangeId: number; now?: Date }): Promise<{ messageIds: number[] }> {
  const { db, manualChangeId } = options;
  const now = options.now ?? new Date();
  const change = await db.manualChange.findUnique({ where: { id: manualChangeId } });
  if (change?.status !== "APPROVED" || !change.decidedAt || !change.approvedSnapshot) return { messageIds: [] };
  const decidedAt = change.decidedAt;
  const snapshot = ZApprovedSnapshot.parse(change.approvedSnapshot);

  const covering = await db.subscription.findMany({
    where: {
      incrementalManualId: change.manualId,
      createdAt: { lte: decidedAt },
      AND: [effectiveStatusWhere("ACTIVE", decidedAt), effectiveStatusWhere("ACTIVE", now)],
    },
    select: { id: true, enterpriseId: true, importClientId: true, incrementalEmsNo: true },
    orderBy: { id: "asc" },
  });
  // Looked up by dedupeKey, which is unique-indexed: PushMessage has no index on manualChangeId, and among
  // millions of messages a scan for it would cost seconds per approved change.
  const alreadyPushed = new Set(
    (
      await db.pushMessage.findMany({
        where: { dedupeKey: { in: covering.map((s) => changeDedupeKey({ manualChangeId, subscriptionId: s.id, partNo: 1 })) } },
        select: { subscriptionId: true },
      })
    ).map((m) => m.subscriptionId),
  );
  const receivers = covering.filter((s) => !alreadyPushed.has(s.id));
  if (receivers.length === 0) return { messageIds: [] };

  const parts = splitIntoParts({ materials: snapshot.materials, products: snapshot.products });
  const messageIds = await nextMessageIds({ db, count: receivers.length * parts.length, at: now });
  // Built lazily, as storePushMessages inserts them batch by batch: a change to many subscriptions never holds
  // all its messages' XML at once.
  const messages = (function* (): Generator<NewPushMessage> {
    for (const [s, subscription] of receivers.entries())
      for (const [p, part] of parts.entries()) {
        yield buildIncrementMessage({
          messageId: messageIds[s * parts.length + p],
          dedupeKey: changeDedupeKey({ manualChangeId, subscriptionId: subscription.id, partNo: p + 1 }),
          subscription,
          manualChangeId,
          emsNo: subscription.incrementalEmsNo ?? snapshot.head.emsNo,
          chgTmsCnt: change.chgTmsCnt,
          partNo: p + 1,
          partCount: parts.length,
          manualHead: snapshot.head,
          part,
          createdAt: now,
        });
      }
  })();
  const created = await inSqlTransaction((tx) => storePushMessages({ tx, messages }));
  metrics.messagesBuilt.inc({ type: "INCREMENT" }, created.length);
  return { messageIds: created };
}
