// Stored one-row INCREMENT messages of fresh subscriptions, each with its delivery job, as a change dispatch
// stores them; several enterprises' messages can be stored in one call so that they share delivery batches.
import type { Db } from "@/lib/db/client";
import { loadManualHead, loadManualRows } from "@/lib/manuals/records";
import { nextMessageIds } from "@/lib/pushes/message-id";
import { storePushMessages, type NewPushMessage } from "@/lib/pushes/store-messages";
import { buildIncrementMessage } from "@/lib/pushes/increment-message";
import { createManual, createSubscription, type createEnterprise } from "./factories";

type Fixture = Awaited<ReturnType<typeof createEnterprise>>;

export async function buildIncrementMessages(db: Db, fixture: Fixture, count: number): Promise<NewPushMessage[]> {
  const manual = await createManual(db, { processingUnitCode: fixture.enterprise.customsCode, materials: 1 });
  const subscription = await createSubscription(db, fixture, manual);
  const manualHead = await loadManualHead({ db, manualId: manual.id });
  const [row] = await loadManualRows({ db, manualId: manual.id, table: "materials" });
  const now = new Date();
  const messageIds = await nextMessageIds({ db, count, at: now });
  return messageIds.map((messageId, index) =>
    buildIncrementMessage({
      messageId,
      dedupeKey: `test:${messageId}`,
      subscription,
      emsNo: manual.emsNo,
      chgTmsCnt: index + 1,
      partNo: 1,
      partCount: 1,
      manualHead: { ...manualHead, chgTmsCnt: index + 1 },
      part: { materials: [{ ...row, modfMarkcd: "1" }], products: [] },
      createdAt: now,
    }),
  );
}

/** Stores the messages, in this order, with their delivery jobs in one insert; returns their ids. */
export async function storeMessages(db: Db, messages: NewPushMessage[]): Promise<number[]> {
  return db.$transaction((tx) => storePushMessages({ tx, messages }));
}
