// The long poll of `pull`: leases what is offerable now; if nothing is, waits (woken by wake.ts, not by polling)
// until a message arrives, the wait is over or the client hangs up, and looks again.
import type { PullClient } from "./authenticate";
import { leaseMessages } from "./lease";
import type { PulledMessage } from "./protocol";
import { watchClient } from "./wake";

export async function pullMessages(options: {
  client: PullClient;
  max: number;
  waitSeconds: number;
  leaseSeconds: number;
  signal?: AbortSignal;
}): Promise<PulledMessage[]> {
  const { client, signal } = options;
  const deadline = Date.now() + options.waitSeconds * 1_000;
  const watch = await watchClient({ importClientId: client.id });
  try {
    for (;;) {
      const { messages, offerAfter } = await leaseMessages({
        importClientId: client.id,
        scope: client.scope,
        deliveryModeChangedAt: client.deliveryModeChangedAt,
        max: options.max,
        leaseSeconds: options.leaseSeconds,
      });
      const left = deadline - Date.now();
      if (messages.length > 0 || left <= 0 || signal?.aborted) return messages;
      await watch.wait(offerAfter ? Math.min(left, offerAfter.getTime() - Date.now()) : left, signal);
    }
  } finally {
    watch.close();
  }
}
