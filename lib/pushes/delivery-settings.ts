// R15 delivery timing: DELIVERY_RETRY_SCHEDULE (lib/config/env.ts) gives the waits before each retry, e.g.
// "1,1,2" in tests; after the last wait's attempt fails the message is 下发失败.
import { config } from "@/lib/config/env";

export const DELIVERY_TIMEOUT_MS = 15_000;

export function deliveryRetryScheduleSeconds(): number[] {
  return config().DELIVERY_RETRY_SCHEDULE;
}
