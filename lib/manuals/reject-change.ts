// 退回 (R19): a customs admin refuses a pending change with a reason. The manual stays as it is and nothing is
// pushed; the manual as the change found it is kept (before-state.ts), so the returned change's diff reads as the
// admin saw it, and the decision is audited (R20) with the admin's IP, in the same transaction.
import { writeAudit } from "@/lib/audit/log";
import type { Db, Prisma } from "@/lib/db/client";
import { captureBeforeState } from "./before-state";
import { ZMaterialChanges, ZProductChanges } from "./change-schema";
import { ManualChangeError } from "./errors";

export async function rejectManualChange(options: {
  db: Db;
  manualChangeId: number;
  adminUserId: number;
  reason: string;
  ip?: string | null;
  now?: Date;
}): Promise<{ manualChangeId: number; decidedAt: Date }> {
  const { db, manualChangeId, adminUserId, reason } = options;
  const decidedAt = options.now ?? new Date();
  return db.$transaction(
    async (tx) => {
      // Conditional update: of an approval and a rejection racing, only the first to commit decides.
      const decided = await tx.manualChange.updateMany({
        where: { id: manualChangeId, status: "PENDING" },
        data: { status: "REJECTED", rejectReason: reason, decidedAt, decidedById: adminUserId },
      });
      if (decided.count === 0) {
        const exists = (await tx.manualChange.count({ where: { id: manualChangeId } })) > 0;
        throw exists
          ? new ManualChangeError("ALREADY_DECIDED", "manuals.alreadyDecided", undefined, manualChangeId)
          : new ManualChangeError("NOT_FOUND", "manuals.changeNotFound", undefined, manualChangeId);
      }
      const change = await tx.manualChange.findUniqueOrThrow({
        where: { id: manualChangeId },
        select: { chgTmsCnt: true, manualId: true, materialChanges: true, productChanges: true, manual: { select: { emsNo: true } } },
      });
      // A malformed change may be returned too; its rows then cannot be named, its header still is kept.
      const seqnos = (parsed: { data?: { gdsSeqno: number }[] }) => parsed.data?.map((c) => c.gdsSeqno) ?? [];
      const beforeState = await captureBeforeState({
        tx,
        manualId: change.manualId,
        changedSeqnos: {
          materials: seqnos(ZMaterialChanges.safeParse(change.materialChanges)),
          products: seqnos(ZProductChanges.safeParse(change.productChanges)),
        },
      });
      await tx.manualChange.update({ where: { id: manualChangeId }, data: { beforeState: beforeState as unknown as Prisma.InputJsonValue } });
      const admin = await tx.user.findUniqueOrThrow({ where: { id: adminUserId }, select: { accountCode: true } });
      await writeAudit(tx, {
        action: "REJECT",
        actorUserId: adminUserId,
        actorAccount: admin.accountCode,
        targetType: "ManualChange",
        targetId: manualChangeId,
        detail: { emsNo: change.manual.emsNo, chgTmsCnt: change.chgTmsCnt, reason },
        ip: options.ip ?? null,
      });
      return { manualChangeId, decidedAt };
    },
    // Keeping the rows of a change of thousands of rows takes longer than the default 5 s.
    { timeout: 120_000, maxWait: 10_000 },
  );
}
