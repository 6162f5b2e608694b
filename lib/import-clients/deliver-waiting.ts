// After a resume: every message of the client still 待下发 is delivered one at a time, oldest first, so the
// client receives them in the order they were dispatched. It reads what is waiting from the database, so a
// rerun (a crashed worker, a second resume) only continues; a message delivered meanwhile is skipped by the
// delivery guards. Stops when the client is paused again: the next resume carries on.
import type { Db } from "@/lib/db/client";
import { deliverPushMessage } from "@/lib/pushes/deliver";

const PAGE_SIZE = 100;

export async function deliverWaitingMessages(options: { db: Db; importClientId: number }): Promise<{ attempted: number }> {
  const { db, importClientId } = options;
  let attempted = 0;
  let after: { dispatchedAt: Date; id: number } | null = null;
  for (;;) {
    const page: { id: number; dispatchedAt: Date; attemptCount: number; resent: boolean }[] = await db.pushMessage.findMany({
      where: {
        importClientId,
        dispatchStatus: "PENDING",
        ...(after ? { OR: [{ dispatchedAt: { gt: after.dispatchedAt } }, { dispatchedAt: after.dispatchedAt, id: { gt: after.id } }] } : {}),
      },
      orderBy: [{ dispatchedAt: "asc" }, { id: "asc" }],
      take: PAGE_SIZE,
      select: { id: true, dispatchedAt: true, attemptCount: true, resent: true },
    });
    for (const message of page) {
      // A waiting resend goes on as a resend; afterAttempt supersedes any retry still scheduled for it.
      const outcome = await deliverPushMessage({ db, pushMessageId: message.id, resend: message.resent, afterAttempt: message.attemptCount });
      if (outcome === "CLIENT_PAUSED") return { attempted };
      if (outcome !== "SKIPPED") attempted++;
    }
    if (page.length < PAGE_SIZE) return { attempted };
    after = page[page.length - 1];
  }
}
