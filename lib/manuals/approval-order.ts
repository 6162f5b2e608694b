// Changes of one manual are approved strictly in the order of their 变更次数 (R19): a change cannot be approved while
// an earlier one of its manual waits (approving 3 before 2 would leave 2 unapprovable for ever), nor once the manual
// has moved past it. One rule for the approval, which refuses, and the review, which then offers only 退回.
import type { Db, Prisma } from "@/lib/db/client";
import { ManualChangeError } from "./errors";

export type ApprovalBlocker =
  /** Decide this earlier pending change first. */
  | { kind: "EARLIER_PENDING"; manualChangeId: number; chgTmsCnt: number }
  /** The manual is at this 变更次数 already, not below the change's. */
  | { kind: "STALE"; current: number };

export async function findApprovalBlocker(options: {
  db: Db | Prisma.TransactionClient;
  change: { manualId: number; chgTmsCnt: number };
  manualChgTmsCnt: number;
}): Promise<ApprovalBlocker | null> {
  const { change } = options;
  if (change.chgTmsCnt <= options.manualChgTmsCnt) return { kind: "STALE", current: options.manualChgTmsCnt };
  const earlier = await options.db.manualChange.findFirst({
    where: { manualId: change.manualId, status: "PENDING", chgTmsCnt: { lt: change.chgTmsCnt } },
    orderBy: { chgTmsCnt: "asc" },
    select: { id: true, chgTmsCnt: true },
  });
  return earlier ? { kind: "EARLIER_PENDING", manualChangeId: earlier.id, chgTmsCnt: earlier.chgTmsCnt } : null;
}

/** The refusal of approving change `manualChangeId` (its 变更次数 `chgTmsCnt`) for this blocker. */
export function blockerRefusal(blocker: ApprovalBlocker, chgTmsCnt: number, manualChangeId: number): ManualChangeError {
  return blocker.kind === "STALE"
    ? new ManualChangeError("OUT_OF_ORDER", "manuals.outOfOrder", { chgTmsCnt, current: blocker.current }, manualChangeId)
    : new ManualChangeError(
        "OUT_OF_ORDER",
        "manuals.earlierPending",
        { chgTmsCnt: blocker.chgTmsCnt, manualChangeId: blocker.manualChangeId },
        manualChangeId,
      );
}
