// R19: a customs admin approves a pending change of a manual. In one transaction the change is applied to
// the manual, marked APPROVED, audited (R20), its INCREMENT snapshot fixed, and the change-approved job
// queued, so the pushes of R13 exist exactly when the approval does.
import { writeAudit } from "@/lib/audit/log";
import type { Db, Prisma } from "@/lib/db/client";
import { changeApprovedJob } from "@/lib/jobs/definitions/change-approved";
import { sendJob } from "@/lib/jobs/send";
import { loadManualHead } from "@/lib/pushes/manual-records";
import { applyRowChanges } from "./apply-row-changes";
import { ZHeadChanges, ZMaterialChanges, ZProductChanges, type TApprovedSnapshot } from "./change-schema";
import { ManualChangeError } from "./errors";

export async function approveManualChange(options: {
  db: Db;
  manualChangeId: number;
  adminUserId: number;
  now?: Date;
}): Promise<{ manualChangeId: number; decidedAt: Date }> {
  const { db, manualChangeId, adminUserId } = options;
  const decidedAt = options.now ?? new Date();
  return db.$transaction(
    async (tx) => {
      const change = await lockPendingChange(tx, manualChangeId);
      const [manual] = await tx.$queryRaw<{ id: number; emsNo: string; chgTmsCnt: number }[]>`
        SELECT id, "emsNo", "chgTmsCnt" FROM "Manual" WHERE id = ${change.manualId} FOR UPDATE`;
      if (change.chgTmsCnt <= manual.chgTmsCnt) {
        throw new ManualChangeError("OUT_OF_ORDER", "manuals.outOfOrder", { chgTmsCnt: change.chgTmsCnt, current: manual.chgTmsCnt });
      }
      const content = parseChangeContent(change);

      const materials = await applyRowChanges({ tx, manualId: manual.id, table: "materials", changes: content.materials });
      const products = await applyRowChanges({ tx, manualId: manual.id, table: "products", changes: content.products });
      const mtpckItemCnt = await tx.manualMaterial.count({ where: { manualId: manual.id } });
      const endprdItemCnt = await tx.manualProduct.count({ where: { manualId: manual.id } });
      await tx.manual.update({
        where: { id: manual.id },
        data: { ...content.head, chgTmsCnt: change.chgTmsCnt, chgApprTime: decidedAt, mtpckItemCnt, endprdItemCnt },
      });
      const snapshot: TApprovedSnapshot = {
        head: await loadManualHead({ db: tx, manualId: manual.id }),
        materials: materials as TApprovedSnapshot["materials"],
        products: products as TApprovedSnapshot["products"],
      };

      await tx.manualChange.update({
        where: { id: change.id },
        data: { status: "APPROVED", decidedAt, decidedById: adminUserId, approvedSnapshot: snapshot as unknown as Prisma.InputJsonValue },
      });
      const admin = await tx.user.findUniqueOrThrow({ where: { id: adminUserId }, select: { accountCode: true } });
      await writeAudit(tx, {
        action: "APPROVE",
        actorUserId: adminUserId,
        actorAccount: admin.accountCode,
        targetType: "ManualChange",
        targetId: change.id,
        detail: { emsNo: manual.emsNo, chgTmsCnt: change.chgTmsCnt, materials: materials.length, products: products.length },
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
  if (!change) throw new ManualChangeError("NOT_FOUND", "manuals.changeNotFound");
  if (change.status !== "PENDING") throw new ManualChangeError("ALREADY_DECIDED", "manuals.alreadyDecided");
  return change;
}

function parseChangeContent(change: { headChanges: unknown; materialChanges: unknown; productChanges: unknown }) {
  const head = ZHeadChanges.nullable().safeParse(change.headChanges ?? null);
  const materials = ZMaterialChanges.safeParse(change.materialChanges);
  const products = ZProductChanges.safeParse(change.productChanges);
  if (!head.success || !materials.success || !products.success) {
    throw new ManualChangeError("INVALID_CONTENT", "manuals.invalidContent");
  }
  return { head: head.data ?? {}, materials: materials.data, products: products.data };
}
