// R19 from the admin's side: 审批通过 through the admin action queues the INCREMENT push that reaches the
// subscribed import client; 退回 keeps the manual as it is, records the reason and pushes nothing.
import { beforeAll, describe, expect, test, vi } from "vitest";
import { approveManualChangeAction } from "@/lib/actions/admin/approve-manual-change";
import { rejectManualChangeAction } from "@/lib/actions/admin/reject-manual-change";
import type { SessionUser } from "@/lib/auth/credentials";
import { db, Prisma } from "@/lib/db/client";
import { approveManualChange } from "@/lib/manuals/approve-change";
import { loadChangeReview } from "@/lib/manuals/change-review";
import { DIFF_PAGE_SIZE } from "@/lib/manuals/change-row-page";
import { rejectManualChange } from "@/lib/manuals/reject-change";
import { listManualChanges } from "@/lib/manuals/list-changes";
import { createCustomsAdmin, createEnterprise, createManual, createManualChange, createSubscription } from "../support/factories";
import { setUpPushHarness, waitFor } from "../support/push-harness";
import { adminSession } from "../support/sessions";

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/session", () => ({ getSessionUser: async () => session.user }));
vi.mock("next/headers", async () => ({ ...(await import("../support/request-context")).headersModule, headers: async () => new Headers() }));

const harness = setUpPushHarness();
let admin: Awaited<ReturnType<typeof createCustomsAdmin>>;

beforeAll(async () => {
  admin = await createCustomsAdmin(db);
  session.user = adminSession(admin);
});

const addedRow = (gdsSeqno: number) => ({
  modfMarkcd: "3",
  gdsSeqno,
  gdsMtno: `NEW${gdsSeqno}`,
  gdecd: "8541401000",
  gdsNm: `新料件${gdsSeqno}`,
  dclUnitcd: "035",
  lawfUnitcd: "035",
  dclUprcAmt: "2.5",
  dclQty: "10",
  dclCurrcd: "142",
  natcd: "142",
  lvyrlfModecd: "3",
  adjmtrMarkcd: "1",
});

describe("审批通过", () => {
  test("applies the change and delivers the INCREMENT message to the subscribed client", async () => {
    const unit = await createEnterprise(db);
    await harness.routeTo(db, unit.client.id);
    const manual = await createManual(db, { processingUnitCode: unit.enterprise.customsCode, materials: 3 });
    const subscription = await createSubscription(db, unit, manual);
    const change = await createManualChange(db, manual, { chgTmsCnt: 1, materialChanges: [addedRow(4), { modfMarkcd: "2", gdsSeqno: 2 }] });

    const review = await loadChangeReview({ db, manualChangeId: change.id });
    expect(review?.rows?.rows.map((row) => [row.gdsSeqno, row.modfMarkcd, row.warning])).toEqual([
      [2, "2", null],
      [4, "3", null],
    ]);

    const result = await approveManualChangeAction({ manualChangeId: change.id });
    expect(result).toMatchObject({ ok: true });
    expect(await db.manualChange.findUniqueOrThrow({ where: { id: change.id } })).toMatchObject({ status: "APPROVED", decidedById: admin.id });

    const messages = await waitFor(
      () => db.pushMessage.findMany({ where: { manualChangeId: change.id } }),
      (all) => all.length === 1 && all[0].dispatchStatus === "DELIVERED",
    );
    expect(messages).toMatchObject([{ type: "INCREMENT", subscriptionId: subscription.id, dispatchStatus: "DELIVERED" }]);
    expect(harness.files(manual.emsNo)).toEqual([`${messages[0].messageId}.xml`]);

    expect(await approveManualChangeAction({ manualChangeId: change.id })).toMatchObject({
      ok: false,
      code: "CONFLICT",
      error: "该变更已审批，不能重复处理",
    });
  });
});

describe("退回", () => {
  test("rejects with a reason, audited, and leaves the manual and the pushes alone", async () => {
    const unit = await createEnterprise(db);
    const manual = await createManual(db, { processingUnitCode: unit.enterprise.customsCode, materials: 3 });
    await createSubscription(db, unit, manual);
    const change = await createManualChange(db, manual, { chgTmsCnt: 1, materialChanges: [{ modfMarkcd: "2", gdsSeqno: 1 }] });

    const result = await rejectManualChangeAction({ manualChangeId: change.id, reason: "  料件序号 1 仍在使用，不予删除 " });
    expect(result).toMatchObject({ ok: true });
    expect(await db.manualChange.findUniqueOrThrow({ where: { id: change.id } })).toMatchObject({
      status: "REJECTED",
      rejectReason: "料件序号 1 仍在使用，不予删除",
      decidedById: admin.id,
    });
    expect(await db.manualMaterial.count({ where: { manualId: manual.id } })).toBe(3);
    expect((await db.manual.findUniqueOrThrow({ where: { id: manual.id } })).chgTmsCnt).toBe(0);
    expect(await db.pushMessage.count({ where: { manualChangeId: change.id } })).toBe(0);
    expect(await db.auditLog.findFirst({ where: { action: "REJECT", targetId: String(change.id) } })).toMatchObject({
      actorUserId: admin.id,
      actorAccount: admin.accountCode,
      detail: { emsNo: manual.emsNo, chgTmsCnt: 1, reason: "料件序号 1 仍在使用，不予删除" },
    });

    expect(await rejectManualChangeAction({ manualChangeId: change.id, reason: "再次退回" })).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await approveManualChangeAction({ manualChangeId: change.id })).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await rejectManualChangeAction({ manualChangeId: 999_999_999, reason: "不存在" })).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });

  test("the change list shows pending changes oldest first and decided ones newest first", async () => {
    const unit = await createEnterprise(db);
    const manual = await createManual(db, { processingUnitCode: unit.enterprise.customsCode, materials: 2 });
    const first = await createManualChange(db, manual, { chgTmsCnt: 1, headChanges: { rcvgdEtpsNm: "新名称" } });
    const second = await createManualChange(db, manual, { chgTmsCnt: 2, materialChanges: [addedRow(3), addedRow(4)] });
    const pending = await listManualChanges({ db, filters: { status: "PENDING", emsNo: manual.emsNo } });
    expect(pending.rows.map((r) => [r.id, r.headChanged, r.materialCount, r.productCount])).toEqual([
      [first.id, true, 0, 0],
      [second.id, false, 2, 0],
    ]);
    const review = await loadChangeReview({ db, manualChangeId: second.id });
    expect(review?.blocker).toEqual({ kind: "EARLIER_PENDING", manualChangeId: first.id, chgTmsCnt: 1 });
    const malformed = await createManualChange(db, manual, { chgTmsCnt: 3, materialChanges: [addedRow(5), { ...addedRow(6), gdecd: "" }] });
    expect((await loadChangeReview({ db, manualChangeId: malformed.id }))?.contentError).toMatchObject({ field: "materialChanges[1].gdecd" });

    await rejectManualChangeAction({ manualChangeId: first.id, reason: "名称有误" });
    await rejectManualChangeAction({ manualChangeId: second.id, reason: "随前一变更退回" });
    await rejectManualChangeAction({ manualChangeId: malformed.id, reason: "格式有误" });
    const decided = await listManualChanges({ db, filters: { status: "ALL", emsNo: manual.emsNo }, pageSize: 2 });
    expect(decided.rows.map((r) => r.id)).toEqual([malformed.id, second.id]);
    const next = await listManualChanges({ db, filters: { status: "ALL", emsNo: manual.emsNo }, pageSize: 2, after: Number(decided.nextCursor) });
    expect(next).toEqual({ rows: [expect.objectContaining({ id: first.id, status: "REJECTED" })], nextCursor: null });
  });
});

const modifiedRow = (gdsSeqno: number, extra: object = {}) => ({ ...addedRow(gdsSeqno), modfMarkcd: "1", gdsMtno: `P${gdsSeqno}`, ...extra });

describe("approval strictly in order (issue 18)", () => {
  test("a later change is refused while an earlier one waits, naming it; nothing changes; the refusal names the change", async () => {
    const unit = await createEnterprise(db);
    const manual = await createManual(db, { processingUnitCode: unit.enterprise.customsCode, materials: 3 });
    const first = await createManualChange(db, manual, { chgTmsCnt: 1, materialChanges: [modifiedRow(1)] });
    const second = await createManualChange(db, manual, { chgTmsCnt: 2, headChanges: { rcvgdEtpsNm: "更名" } });
    const third = await createManualChange(db, manual, { chgTmsCnt: 3, materialChanges: [{ modfMarkcd: "2", gdsSeqno: 3 }] });
    const manualBefore = await db.manual.findUniqueOrThrow({ where: { id: manual.id } });

    expect((await loadChangeReview({ db, manualChangeId: third.id }))?.blocker).toEqual({
      kind: "EARLIER_PENDING",
      manualChangeId: first.id,
      chgTmsCnt: 1,
    });
    const refused = await approveManualChangeAction({ manualChangeId: third.id });
    expect(refused).toMatchObject({ ok: false, code: "RULE_VIOLATION", reason: "manuals.earlierPending" });
    expect(refused.ok === false && refused.error).toContain("第 1 次变更");
    expect(await db.manual.findUniqueOrThrow({ where: { id: manual.id } })).toEqual(manualBefore);
    expect(await db.manualMaterial.count({ where: { manualId: manual.id } })).toBe(3);
    expect(await db.manualChange.findUniqueOrThrow({ where: { id: third.id } })).toMatchObject({ status: "PENDING", beforeState: null });
    expect(
      await db.auditLog.findFirst({ where: { action: "ACTION_REFUSED", targetType: "ManualChange", targetId: String(third.id) } }),
    ).toMatchObject({
      actorUserId: admin.id,
      detail: { action: "APPROVE_CHANGE", reason: "manuals.earlierPending", values: { chgTmsCnt: 1, manualChangeId: first.id } },
    });

    expect(await approveManualChangeAction({ manualChangeId: first.id })).toMatchObject({ ok: true });
    // Change 2 still waits.
    expect(await approveManualChangeAction({ manualChangeId: third.id })).toMatchObject({ ok: false, reason: "manuals.earlierPending" });
    expect(await rejectManualChangeAction({ manualChangeId: second.id, reason: "不予更名" })).toMatchObject({ ok: true });
    expect(await approveManualChangeAction({ manualChangeId: third.id })).toMatchObject({ ok: true });
    expect(await db.manual.findUniqueOrThrow({ where: { id: manual.id } })).toMatchObject({ chgTmsCnt: 3, rcvgdEtpsNm: "加工单位" });

    // A change the manual has moved past (its count raised by a later filing upstream) can only be returned.
    await db.manual.update({ where: { id: manual.id }, data: { chgTmsCnt: 5 } });
    const stale = await db.manualChange.create({ data: { manualId: manual.id, chgTmsCnt: 4, materialChanges: [] }, select: { id: true } });
    expect((await loadChangeReview({ db, manualChangeId: stale.id }))?.blocker).toEqual({ kind: "STALE", current: 5 });
    expect(await approveManualChangeAction({ manualChangeId: stale.id })).toMatchObject({ ok: false, reason: "manuals.outOfOrder" });
    expect(await approveManualChangeAction({ manualChangeId: 999_999_998 })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await db.auditLog.count({ where: { action: "ACTION_REFUSED", targetType: "ManualChange", targetId: "999999998" } })).toBe(1);
  });
});

describe("a decided change keeps its before-values (issue 18)", () => {
  test("the diff reads 变更前 → 变更后 after the manual moved on; 申报类型 becomes 2; the decisions carry the IP", async () => {
    const unit = await createEnterprise(db);
    const manual = await createManual(db, { processingUnitCode: unit.enterprise.customsCode, materials: 3 });
    const first = await createManualChange(db, manual, {
      chgTmsCnt: 1,
      headChanges: { rcvgdEtpsNm: "加工单位（新）" },
      materialChanges: [modifiedRow(2, { dclQty: "80" }), { modfMarkcd: "2", gdsSeqno: 3 }, addedRow(6)],
    });
    await approveManualChange({ db, manualChangeId: first.id, adminUserId: admin.id, ip: "203.0.113.7" });
    expect(await db.manual.findUniqueOrThrow({ where: { id: manual.id } })).toMatchObject({
      chgTmsCnt: 1,
      dclTypecd: "2",
      rcvgdEtpsNm: "加工单位（新）",
    });
    const second = await createManualChange(db, manual, { chgTmsCnt: 2, materialChanges: [modifiedRow(2, { dclQty: "60" })] });
    await approveManualChange({ db, manualChangeId: second.id, adminUserId: admin.id });

    const review = await loadChangeReview({ db, manualChangeId: first.id });
    expect(review?.compareWith).toBe("before");
    expect(review?.head).toEqual([
      { field: "chgTmsCnt", current: "0", proposed: "1", changed: true },
      { field: "rcvgdEtpsNm", current: "加工单位", proposed: "加工单位（新）", changed: true },
      { field: "dclTypecd", current: "1", proposed: "2", changed: true },
    ]);
    const rows = new Map(review?.rows?.rows.map((row) => [row.gdsSeqno, row]));
    expect(rows.get(2)).toMatchObject({ current: { dclQty: "100.00000" }, proposed: { dclQty: "80.00000" } });
    expect(rows.get(3)).toMatchObject({ modfMarkcd: "2", current: { gdsNm: "集成电路3", dclQty: "100.00000" } });
    expect(rows.get(6)).toMatchObject({ current: null, warning: null });
    expect(await db.auditLog.findFirst({ where: { action: "APPROVE", targetId: String(first.id) } })).toMatchObject({ ip: "203.0.113.7" });

    const returned = await createManualChange(db, manual, { chgTmsCnt: 3, materialChanges: [{ modfMarkcd: "2", gdsSeqno: 1 }] });
    await rejectManualChange({ db, manualChangeId: returned.id, adminUserId: admin.id, reason: "仍在使用", ip: "203.0.113.8" });
    const rejected = await loadChangeReview({ db, manualChangeId: returned.id });
    expect(rejected?.rows?.rows).toMatchObject([{ gdsSeqno: 1, current: { gdsNm: "集成电路1" } }]);
    expect(await db.auditLog.findFirst({ where: { action: "REJECT", targetId: String(returned.id) } })).toMatchObject({ ip: "203.0.113.8" });

    // Decided before before-values were kept: only the new values, and no warnings.
    await db.manualChange.update({ where: { id: second.id }, data: { beforeState: Prisma.DbNull } });
    const legacy = await loadChangeReview({ db, manualChangeId: second.id });
    expect([legacy?.compareWith, legacy?.rows?.warnings]).toEqual([null, 0]);
  });

  test("the whole diff is paged in serial-number order, with counts over every row", async () => {
    const unit = await createEnterprise(db);
    const manual = await createManual(db, { processingUnitCode: unit.enterprise.customsCode, materials: 1 });
    const rows = Array.from({ length: 250 }, (_, i) => addedRow(251 - i));
    const change = await createManualChange(db, manual, { chgTmsCnt: 1, materialChanges: [...rows, modifiedRow(1)] });
    const page = (n?: number) => loadChangeReview({ db, manualChangeId: change.id, table: "materials", page: n }).then((r) => r?.rows);
    const first = await page();
    expect(first).toMatchObject({ page: 1, pageCount: 3, total: 251, counts: { modified: 1, added: 250, deleted: 0 }, warnings: 0 });
    expect(first?.rows.map((r) => r.gdsSeqno)).toEqual(Array.from({ length: DIFF_PAGE_SIZE }, (_, i) => i + 1));
    const last = await page(3);
    expect(last?.rows.map((r) => r.gdsSeqno)).toEqual(Array.from({ length: 51 }, (_, i) => 201 + i));
    expect((await page(99))?.page).toBe(3);
  });
});
