// One manual change as an admin reviews it (R19): what was submitted, its diff against the manual — as it is now
// while the change is pending, as it was at the decision once decided (before-state.ts) — one page of rows at a
// time, what stops its approval (approval-order.ts), and, once approved, how its pushes went.
import type { Db } from "@/lib/db/client";
import type { ManualTable } from "@/lib/manuals/records";
import { issuePath, issueRefusal } from "@/lib/validations/issue-refusal";
import { findApprovalBlocker } from "./approval-order";
import { headValues, parseBeforeState } from "./before-state";
import { ZHeadChanges, ZMaterialChanges, ZProductChanges } from "./change-schema";
import { diffHead } from "./change-diff";
import { loadChangeRowPage, markCounts } from "./change-row-page";
import { manualHeadSelect } from "@/lib/manuals/records";

export async function loadChangeReview(options: { db: Db; manualChangeId: number; table?: ManualTable; page?: number }) {
  const { db } = options;
  const change = await db.manualChange.findUnique({
    where: { id: options.manualChangeId },
    select: {
      id: true,
      manualId: true,
      chgTmsCnt: true,
      status: true,
      headChanges: true,
      materialChanges: true,
      productChanges: true,
      beforeState: true,
      requestId: true,
      submittedAt: true,
      decidedAt: true,
      decidedById: true,
      rejectReason: true,
      manual: { select: { id: true, ...manualHeadSelect } },
    },
  });
  if (!change) return null;
  const { manual } = change;
  const pending = change.status === "PENDING";

  const head = ZHeadChanges.nullable().safeParse(change.headChanges ?? null);
  const materials = ZMaterialChanges.safeParse(change.materialChanges);
  const products = ZProductChanges.safeParse(change.productChanges);
  // approveManualChange refuses such a change; the admin sees why, e.g. materialChanges[3].gdecd with validation.required.
  const contentError =
    (
      [
        ["headChanges", head],
        ["materialChanges", materials],
        ["productChanges", products],
      ] as const
    )
      .flatMap(([field, parsed]) =>
        parsed.error ? [{ field: issuePath([field, ...parsed.error.issues[0].path]), refusal: issueRefusal(parsed.error.issues[0]) }] : [],
      )
      .at(0) ?? null;

  // Pending: the manual now. Decided: as kept at the decision; null for a change decided before that was kept.
  const kept = pending ? null : parseBeforeState(change.beforeState);
  const before = pending ? "CURRENT" : kept;
  const tables = { materials: materials.data ?? [], products: products.data ?? [] };
  // The table shown: the one asked for, else the first with rows.
  const table = options.table && tables[options.table].length ? options.table : tables.materials.length ? "materials" : "products";

  const [rows, decidedBy, blocker, pushes] = await Promise.all([
    tables[table].length
      ? loadChangeRowPage({
          db,
          manualId: manual.id,
          table,
          changes: tables[table],
          page: options.page ?? 1,
          before: before === "CURRENT" ? before : (before?.[table] ?? null),
        })
      : null,
    change.decidedById ? db.user.findUnique({ where: { id: change.decidedById }, select: { accountCode: true, name: true } }) : null,
    pending ? findApprovalBlocker({ db, change, manualChgTmsCnt: manual.chgTmsCnt }) : null,
    db.pushMessage.groupBy({ by: ["dispatchStatus"], where: { manualChangeId: change.id }, _count: { _all: true } }),
  ]);

  const headBefore = pending ? headValues(manual) : (kept?.head ?? null);
  return {
    id: change.id,
    emsNo: manual.emsNo,
    chgTmsCnt: change.chgTmsCnt,
    status: change.status,
    requestId: change.requestId,
    submittedAt: change.submittedAt,
    decidedAt: change.decidedAt,
    decidedBy,
    rejectReason: change.rejectReason,
    contentError,
    blocker,
    /** "current": compared with the manual now; "before": with the manual at the decision; null: nothing kept. */
    compareWith: pending ? ("current" as const) : kept ? ("before" as const) : null,
    head: diffHead(headBefore ?? {}, head.data ?? null, change.chgTmsCnt),
    counts: { materials: markCounts(tables.materials), products: markCounts(tables.products) },
    rows,
    pushes: Object.fromEntries(pushes.map((p) => [p.dispatchStatus, p._count._all])) as Partial<Record<"PENDING" | "DELIVERED" | "FAILED", number>>,
  };
}

export type ChangeReview = NonNullable<Awaited<ReturnType<typeof loadChangeReview>>>;
