// R5/R13: a stock subscription is pushed once, right after it is created: the header and the chosen rows as
// approved at that moment, in parts of at most 2,000 rows, with dedupeKey stock:<subscription>:<part>.
import type { Db } from "@/lib/db/client";
import { metrics } from "@/lib/metrics/registry";
import { isDispatchable } from "@/lib/subscriptions/validity";
import { loadManualHead, loadManualRows } from "./manual-records";
import { nextMessageIds } from "./message-id";
import { mapLazily } from "./lazy";
import { splitIntoParts } from "./parts";
import { storePushMessages } from "./store-messages";
import { buildPushMessageXml } from "./xml";

export type StockDispatchResult =
  | { outcome: "dispatched"; messageIds: number[] }
  | { outcome: "skipped"; reason: "NOT_STOCK" | "NOT_DISPATCHABLE" | "ALREADY_DISPATCHED" };

const stockDedupeKey = (subscriptionId: number, partNo: number) => `stock:${subscriptionId}:${partNo}`;

export async function dispatchStockSubscription(options: {
  db: Db;
  subscriptionId: number;
  now?: Date;
}): Promise<StockDispatchResult> {
  const { db, subscriptionId } = options;
  const now = options.now ?? new Date();
  const subscription = await db.subscription.findUnique({
    where: { id: subscriptionId },
    select: {
      status: true, validUntil: true, enterpriseId: true, importClientId: true, stockManualId: true, stockEmsNo: true,
      pushMaterials: true, materialFrom: true, materialTo: true, pushProducts: true, productFrom: true, productTo: true,
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
  const { manualHead, materials, products } = await db.$transaction(
    async (tx) => ({
      manualHead: await loadManualHead({ db: tx, manualId }),
      materials: subscription.pushMaterials
        ? await loadManualRows({ db: tx, manualId, table: "materials", from: subscription.materialFrom, to: subscription.materialTo })
        : [],
      products: subscription.pushProducts
        ? await loadManualRows({ db: tx, manualId, table: "products", from: subscription.productFrom, to: subscription.productTo })
        : [],
    }),
    { isolationLevel: "RepeatableRead", timeout: 60_000 },
  );

  const parts = splitIntoParts({ materials, products });
  const messageIds = await nextMessageIds({ db, count: parts.length, at: now });
  // Built lazily, part by part, as storePushMessages inserts them: a 20,000-row push never holds all its XML.
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
  const created = await db.$transaction((tx) => storePushMessages({ tx, messages }), { timeout: 60_000 });
  metrics.messagesBuilt.inc({ type: "STOCK" }, created.length);
  return { outcome: "dispatched", messageIds: created };
}
