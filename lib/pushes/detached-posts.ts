// The POSTs delivery batches went on without (deliver-batch.ts), until each has ended and been recorded. A
// graceful stop waits for them, so a SIGTERM loses no outcome; after a crash their backstop jobs deliver.
import { logger } from "@/lib/log/logger";

const pending = new Set<Promise<void>>();

export function trackDetachedPost(post: Promise<void>): void {
  const tracked = post
    .catch((error) => logger("pushes").warn({ err: error }, "a detached delivery was not recorded; its backstop job delivers it"))
    .finally(() => pending.delete(tracked));
  pending.add(tracked);
}

/** Resolves once every detached POST has been recorded, or after `timeoutMs`. */
export async function settleDetachedPosts(timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, timeoutMs);
  });
  // Those detached while waiting count too: a batch that was running when the stop began may detach some.
  while (pending.size > 0) {
    const settled = await Promise.race([Promise.all(pending).then(() => true), timeout.then(() => false)]);
    if (!settled) break;
  }
  clearTimeout(timer);
}
