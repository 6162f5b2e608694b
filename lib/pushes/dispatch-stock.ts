// R5/R13: a stock subscription is pushed once, right after it is created: the header and the chosen rows as
// approved at that moment, in parts of at most 2,000 rows, with dedupeKey stock:<subscription>:<part>. Run by
// the dispatch job, it also makes the first delivery attempt of each part itself (deliver-inline.ts).
import type { Db } from "@/lib/db/client";
import { inSqlTransaction } from "@/lib/db/sql";
import { metrics } from "@/lib/metrics/registry";
import { isDispatchable } from "@/lib/subscriptions/validity";
import { deliverInline, DELIVERY_FALLBACK_SECONDS } from "./deliver-inline";
import { loadManualHead, loadManualRows } from "@/lib/manuals/records";
import { mapLazily } from "./lazy";
import { nextMessageIds } from "./message-id";
import { splitIntoParts } from "./parts";
import { storePushMessages } from "./store-messages";
import { buildPushMessageXml } from "./xml";

export type StockDispatchResult =
  { outcome: "dispatched"; messageIds: number[] } | { outcome: "skipped"; reason: "NOT_STOCK" | "NOT_DISPATCHABLE" | "ALREADY_DISPATCHED" };

const stockDedupeKey = (subscriptionId: number, partNo: number) => `stock:${subscriptionId}:${partNo}`;

export async function dispatchStockSubscription(options: {
  db: Db;
  subscriptionId: number;
  now?: Date;
  /**
   * "inline" (the dispatch job): this call makes the first delivery attempts itself, from memory, and the
   * delivery jobs wait as a fallback. "queued" (default): the delivery jobs make them.
   */
  firstAttempt?: "inline" | "queued";
}): Promise<StockDispatchResult> {
  const { db, subscriptionId } = options;
  const inline = options.firstAttempt === "inline";
  const now = options.now ?? new Date();
  const subscription = await db.subscription.findUnique({
    where: { id: subscriptionId },
    select: {
      status: true,
      validUntil: true,
      enterpriseId: true,
      importClientId: true,
      stockManualId: true,
      stockEmsNo: true,
      pushMaterials: true,
      materialFrom: true,
      materialTo: true,
      pushProducts: true,
      productFrom: true,
      productTo: true,
    },
  });
  if (!subscription?.stockManualId || !subscription.stockEmsNo) return { outcome: "skipped", reason: "NOT_STOCK" };
  if (!isDispatchable(subscription, now)) return { outcome: "skipped", reason: "NOT_DISPATCHABLE" };
  // Cheap early exit for a repeated job; the unique dedupeKey is what actually guarantees one set.
  if (await db.pushMessage.findUnique({ where: { dedupeKey: stockDedupeKey(subscriptionId, 1) }, select: { id: true } })) {
    return { outcome: "skipped", reason: "ALREADY_DISPATCHED" };
  }

  const manualId = subscription.stockManualId;
  // One snapshot for header and rows, so that the parts agree with each other even if a change is approved meanwhile.
  const { manualHead, materials, products } = await inSqlTransaction(
    async (tx) => ({
      manualHead: await loadManualHead({ db: tx, manualId }),
      materials: subscription.pushMaterials
        ? await loadManualRows({ db: tx, manualId, table: "materials", from: subscription.materialFrom, to: subscription.materialTo })
        : [],
      products: subscription.pushProducts
        ? await loadManualRows({ db: tx, manualId, table: "products", from: subscription.productFrom, to: subscription.productTo })
        : [],
    }),
    { isolationLevel: "REPEATABLE READ" },
  );

  const parts = splitIntoParts({ materials, products });
  const messageIds = await nextMessageIds({ db, count: parts.length, at: now });
  // Streamed: each part is built only when storePushMessages asks for it and dropped once inserted, so a
  // 20,000-row push holds one or two parts' XML at a time, never all of them; the bodies go to PostgreSQL on
  // pg directly, never through Prisma (lib/db/sql.ts says why).
  const messages = mapLazily(parts, (part, index) => {
    const head = {
      messageId: messageIds[index],
      type: "STOCK" as const,
      emsNo: subscription.stockEmsNo!,
      subscriptionId,
      partNo: index + 1,
      partCount: parts.length,
      createdAt: now,
    };
    return {
      messageId: head.messageId,
      dedupeKey: stockDedupeKey(subscriptionId, head.partNo),
      enterpriseId: subscription.enterpriseId,
      subscriptionId,
      importClientId: subscription.importClientId,
      emsNo: head.emsNo,
      type: head.type,
      partNo: head.partNo,
      partCount: head.partCount,
      rowCount: part.materials.length + part.products.length,
      body: buildPushMessageXml({ head, manualHead, ...part }),
    };
  });
  const created = await inSqlTransaction((tx) =>
    storePushMessages({ tx, messages, deliveryJobsAfterSeconds: inline ? DELIVERY_FALLBACK_SECONDS : undefined }),
  );
  metrics.messagesBuilt.inc({ type: "STOCK" }, created.length);
  if (inline) await deliverInline({ db, pushMessageIds: created });
  return { outcome: "dispatched", messageIds: created };
}
