// R19: a customs admin approves a pending change of a manual, strictly in the order of the manual's changes
// (approval-order.ts). In one transaction the manual as the change finds it is kept (before-state.ts), the change
// is applied, marked APPROVED, audited (R20) with the admin's IP, its INCREMENT snapshot fixed, and the
// change-approved job queued, so the pushes of R13 exist exactly when the approval does.
import { writeAudit } from "@/lib/audit/log";
import type { Db, Prisma } from "@/lib/db/client";
import { changeApprovedJob } from "@/lib/jobs/definitions/change-approved";
import { sendJob } from "@/lib/jobs/send";
import { loadManualHead } from "@/lib/manuals/records";
import { applyRowChanges } from "./apply-row-changes";
import { blockerRefusal, findApprovalBlocker } from "./approval-order";
import { captureBeforeState } from "./before-state";
import { ZHeadChanges, ZMaterialChanges, ZProductChanges, type TApprovedSnapshot } from "./change-schema";
import { ManualChangeError } from "./errors";
import { headAfterChange } from "./head-after-change";

export async function approveManualChange(options: {
  db: Db;
  manualChangeId: number;
  adminUserId: number;
  ip?: string | null;
  now?: Date;
}): Promise<{ manualChangeId: number; decidedAt: Date }> {
  const { db, manualChangeId, adminUserId } = options;
  const decidedAt = options.now ?? new Date();
  return db.$transaction(
    async (tx) => {
      const change = await lockPendingChange(tx, manualChangeId);
      // The manual's lock orders approvals of its changes: each sees the last one's outcome.
      const [manual] = await tx.$queryRaw<{ id: number; emsNo: string; chgTmsCnt: number }[]>`
        SELECT id, "emsNo", "chgTmsCnt" FROM "Manual" WHERE id = ${change.manualId} FOR UPDATE`;
      const blocker = await findApprovalBlocker({ db: tx, change, manualChgTmsCnt: manual.chgTmsCnt });
      if (blocker) throw blockerRefusal(blocker, change.chgTmsCnt, change.id);
      const content = parseChangeContent(change);
      const beforeState = await captureBeforeState({
        tx,
        manualId: manual.id,
        changedSeqnos: { materials: content.materials.map((c) => c.gdsSeqno), products: content.products.map((c) => c.gdsSeqno) },
      });

      const materials = await applyRowChanges({ tx, manualId: manual.id, table: "materials", changes: content.materials });
      const products = await applyRowChanges({ tx, manualId: manual.id, table: "products", changes: content.products });
      const mtpckItemCnt = await tx.manualMaterial.count({ where: { manualId: manual.id } });
      const endprdItemCnt = await tx.manualProduct.count({ where: { manualId: manual.id } });
      await tx.manual.update({
        where: { id: manual.id },
        data: { ...headAfterChange(content.head, change.chgTmsCnt), chgApprTime: decidedAt, mtpckItemCnt, endprdItemCnt },
      });
      const snapshot: TApprovedSnapshot = {
        head: await loadManualHead({ db: tx, manualId: manual.id }),
        materials: materials as TApprovedSnapshot["materials"],
        products: products as TApprovedSnapshot["products"],
      };

      await tx.manualChange.update({
        where: { id: change.id },
        data: {
          status: "APPROVED",
          decidedAt,
          decidedById: adminUserId,
          approvedSnapshot: snapshot as unknown as Prisma.InputJsonValue,
          beforeState: beforeState as unknown as Prisma.InputJsonValue,
        },
      });
      const admin = await tx.user.findUniqueOrThrow({ where: { id: adminUserId }, select: { accountCode: true } });
      await writeAudit(tx, {
        action: "APPROVE",
        actorUserId: adminUserId,
        actorAccount: admin.accountCode,
        targetType: "ManualChange",
        targetId: change.id,
        detail: { emsNo: manual.emsNo, chgTmsCnt: change.chgTmsCnt, materials: materials.length, products: products.length },
        ip: options.ip ?? null,
      });
      await sendJob(changeApprovedJob, { manualChangeId: change.id }, { tx });
      return { manualChangeId: change.id, decidedAt };
    },
    // A change may carry thousands of rows; the default 5 s would abort it.
    { timeout: 120_000, maxWait: 10_000 },
  );
}

async function lockPendingChange(tx: Prisma.TransactionClient, manualChangeId: number) {
  await tx.$queryRaw`SELECT id FROM "ManualChange" WHERE id = ${manualChangeId} FOR UPDATE`;
  const change = await tx.manualChange.findUnique({ where: { id: manualChangeId } });
  if (!change) throw new ManualChangeError("NOT_FOUND", "manuals.changeNotFound", undefined, manualChangeId);
  if (change.status !== "PENDING") throw new ManualChangeError("ALREADY_DECIDED", "manuals.alreadyDecided", undefined, manualChangeId);
  return change;
}

function parseChangeContent(change: { id: number; headChanges: unknown; materialChanges: unknown; productChanges: unknown }) {
  const head = ZHeadChanges.nullable().safeParse(change.headChanges ?? null);
  const materials = ZMaterialChanges.safeParse(change.materialChanges);
  const products = ZProductChanges.safeParse(change.productChanges);
  if (!head.success || !materials.success || !products.success) {
    throw new ManualChangeError("INVALID_CONTENT", "manuals.invalidContent", undefined, change.id);
  }
  return { head: head.data, materials: materials.data, products: products.data };
}
