// 退回 (R19): a customs admin refuses a pending change with a reason. The manual stays as it is and nothing
// is pushed; the decision is audited (R20) in the same transaction.
import { writeAudit } from "@/lib/audit/log";
import type { Db } from "@/lib/db/client";
import { ManualChangeError } from "./errors";

export async function rejectManualChange(options: {
  db: Db;
  manualChangeId: number;
  adminUserId: number;
  reason: string;
  now?: Date;
}): Promise<{ manualChangeId: number; decidedAt: Date }> {
  const { db, manualChangeId, adminUserId, reason } = options;
  const decidedAt = options.now ?? new Date();
  return db.$transaction(async (tx) => {
    // Conditional update: of an approval and a rejection racing, only the first to commit decides.
    const decided = await tx.manualChange.updateMany({
      where: { id: manualChangeId, status: "PENDING" },
      data: { status: "REJECTED", rejectReason: reason, decidedAt, decidedById: adminUserId },
    });
    if (decided.count === 0) {
      const exists = (await tx.manualChange.count({ where: { id: manualChangeId } })) > 0;
      throw exists
        ? new ManualChangeError("ALREADY_DECIDED", "manuals.alreadyDecided")
        : new ManualChangeError("NOT_FOUND", "manuals.changeNotFound");
    }
    const change = await tx.manualChange.findUniqueOrThrow({
      where: { id: manualChangeId },
      select: { chgTmsCnt: true, manual: { select: { emsNo: true } } },
    });
    const admin = await tx.user.findUniqueOrThrow({ where: { id: adminUserId }, select: { accountCode: true } });
    await writeAudit(tx, {
      action: "REJECT",
      actorUserId: adminUserId,
      actorAccount: admin.accountCode,
      targetType: "ManualChange",
      targetId: manualChangeId,
      detail: { emsNo: change.manual.emsNo, chgTmsCnt: change.chgTmsCnt, reason },
    });
    return { manualChangeId, decidedAt };
  });
}
