// R15 delivery timing: DELIVERY_RETRY_SCHEDULE (lib/config/env.ts) gives the waits before each retry, e.g.
// "1,1,2" in tests; after the last wait's attempt fails the message is 下发失败. DELIVERY_BATCH_WAIT_MS and
// DELIVERY_CLIENT_CONCURRENCY keep one slow client from holding up the others (deliver-batch.ts).
import { config } from "@/lib/config/env";

export const DELIVERY_TIMEOUT_MS = 15_000;

/**
 * A detached POST's backstop job starts this long after the batch let it go: past the POST's timeout, with a
 * margin for recording its outcome, so it only delivers when the worker died before the POST was recorded.
 */
export const BACKSTOP_AFTER_SECONDS = DELIVERY_TIMEOUT_MS / 1_000 + 15;

/** A message deferred because its client was at its cap comes back after 2, 4, 8, 16, then every 30 s. */
export function deferralSeconds(deferrals: number): number {
  return Math.min(2 ** (deferrals + 1), 30);
}

export function deliveryRetryScheduleSeconds(): number[] {
  return config().DELIVERY_RETRY_SCHEDULE;
}

export function deliveryBatchWaitMs(): number {
  return config().DELIVERY_BATCH_WAIT_MS;
}

export function deliveryClientConcurrency(): number {
  return config().DELIVERY_CLIENT_CONCURRENCY;
}
