// One manual change as an admin reviews it (R19): what was submitted, its diff against the manual as it is
// now, whether earlier changes of the manual still wait, and, once approved, how its pushes went.
import type { Db } from "@/lib/db/client";
import { loadManualRows, manualHeadSelect } from "@/lib/pushes/manual-records";
import { issuePath, issueRefusal } from "@/lib/validations/issue-refusal";
import { ZHeadChanges, ZMaterialChanges, ZProductChanges, type TMaterialChange, type TProductChange } from "./change-schema";
import { diffHead, diffRows } from "./change-diff";
import { manualRowFields } from "./row-fields";

export async function loadChangeReview(options: { db: Db; manualChangeId: number }) {
  const { db } = options;
  const change = await db.manualChange.findUnique({
    where: { id: options.manualChangeId },
    select: {
      id: true,
      chgTmsCnt: true,
      status: true,
      headChanges: true,
      materialChanges: true,
      productChanges: true,
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

  const rowDiff = async (table: "materials" | "products", changes: (TMaterialChange | TProductChange)[]) =>
    diffRows({
      changes,
      currentRows: changes.length ? await loadManualRows({ db, manualId: manual.id, table, gdsSeqnos: changes.map((c) => c.gdsSeqno) }) : [],
      fields: manualRowFields[table],
    });

  const [materialDiff, productDiff, decidedBy, earlierPending, pushes] = await Promise.all([
    rowDiff("materials", materials.data ?? []),
    rowDiff("products", products.data ?? []),
    change.decidedById ? db.user.findUnique({ where: { id: change.decidedById }, select: { accountCode: true, name: true } }) : null,
    db.manualChange.count({ where: { manualId: manual.id, status: "PENDING", chgTmsCnt: { lt: change.chgTmsCnt } } }),
    db.pushMessage.groupBy({ by: ["dispatchStatus"], where: { manualChangeId: change.id }, _count: { _all: true } }),
  ]);

  return {
    id: change.id,
    emsNo: manual.emsNo,
    chgTmsCnt: change.chgTmsCnt,
    manualChgTmsCnt: manual.chgTmsCnt,
    status: change.status,
    requestId: change.requestId,
    submittedAt: change.submittedAt,
    decidedAt: change.decidedAt,
    decidedBy,
    rejectReason: change.rejectReason,
    contentError,
    earlierPending,
    head: diffHead(manual, head.data ?? null),
    materials: materialDiff,
    products: productDiff,
    pushes: Object.fromEntries(pushes.map((p) => [p.dispatchStatus, p._count._all])) as Partial<Record<"PENDING" | "DELIVERED" | "FAILED", number>>,
  };
}

export type ChangeReview = NonNullable<Awaited<ReturnType<typeof loadChangeReview>>>;
