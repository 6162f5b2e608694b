// One INCREMENT message of an approved change to one subscription: its head, its row and its XML body. The change
// dispatch builds its messages with it, and the benchmark and the tests build theirs the same way.
import type { ManualHeadRecord, ManualRowRecord } from "@/lib/manuals/records";
import type { NewPushMessage } from "./store-messages";
import { buildPushMessageXml } from "./xml";

export function buildIncrementMessage(options: {
  messageId: string;
  dedupeKey: string;
  subscription: { id: number; enterpriseId: number; importClientId: number };
  manualChangeId?: number;
  emsNo: string;
  chgTmsCnt: number;
  partNo: number;
  partCount: number;
  /** The manual's header after the change. */
  manualHead: ManualHeadRecord;
  part: { materials: ManualRowRecord[]; products: ManualRowRecord[] };
  createdAt: Date;
}): NewPushMessage {
  const { messageId, subscription, emsNo, partNo, partCount, part } = options;
  const head = {
    messageId,
    type: "INCREMENT" as const,
    emsNo,
    subscriptionId: subscription.id,
    chgTmsCnt: options.chgTmsCnt,
    partNo,
    partCount,
    createdAt: options.createdAt,
  };
  return {
    messageId,
    dedupeKey: options.dedupeKey,
    enterpriseId: subscription.enterpriseId,
    subscriptionId: subscription.id,
    importClientId: subscription.importClientId,
    manualChangeId: options.manualChangeId,
    emsNo,
    type: head.type,
    partNo,
    partCount,
    rowCount: part.materials.length + part.products.length,
    body: buildPushMessageXml({ head, manualHead: options.manualHead, ...part }),
  };
}
