// A burst: N one-row INCREMENT messages of one import client stored with their delivery jobs, set-based as the
// benchmark's P2 builds and stores them, in transactions of a thousand so that delivery starts while the rest
// is still being stored.
import { db } from "@/lib/db/client";
import { storePushMessages } from "@/lib/pushes/store-messages";
import { buildIncrementMessages } from "../../../scripts/bench/p2-delivery";
import type { BenchEnterprise } from "../../../scripts/bench/fixtures";

const MESSAGES_PER_TRANSACTION = 1_000;

export async function storeBurst(options: { fixture: BenchEnterprise; count: number }): Promise<{ emsNo: string; count: number }> {
  const messages = await buildIncrementMessages(options.fixture, options.count);
  for (let from = 0; from < messages.length; from += MESSAGES_PER_TRANSACTION) {
    const chunk = messages.slice(from, from + MESSAGES_PER_TRANSACTION);
    await db.$transaction((tx) => storePushMessages({ tx, messages: chunk }), { timeout: 120_000 });
  }
  return { emsNo: messages[0].emsNo!, count: messages.length };
}
