// R19 from the admin's side: 审批通过 through the admin action queues the INCREMENT push that reaches the
// subscribed import client; 退回 keeps the manual as it is, records the reason and pushes nothing.
import { beforeAll, describe, expect, test, vi } from "vitest";
import { approveManualChangeAction } from "@/lib/actions/admin/approve-manual-change";
import { rejectManualChangeAction } from "@/lib/actions/admin/reject-manual-change";
import type { SessionUser } from "@/lib/auth/credentials";
import { db } from "@/lib/db/client";
import { loadChangeReview } from "@/lib/manuals/change-review";
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
    expect(review?.materials.map((row) => [row.gdsSeqno, row.modfMarkcd, row.warning])).toEqual([
      [4, "3", null],
      [2, "2", null],
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
    expect(review?.earlierPending).toBe(1);
    const malformed = await createManualChange(db, manual, { chgTmsCnt: 3, materialChanges: [addedRow(5), { ...addedRow(6), gdecd: "" }] });
    expect((await loadChangeReview({ db, manualChangeId: malformed.id }))?.contentError).toBe("materialChanges[1].gdecd: 不能为空");

    await rejectManualChangeAction({ manualChangeId: first.id, reason: "名称有误" });
    await rejectManualChangeAction({ manualChangeId: second.id, reason: "随前一变更退回" });
    await rejectManualChangeAction({ manualChangeId: malformed.id, reason: "格式有误" });
    const decided = await listManualChanges({ db, filters: { status: "ALL", emsNo: manual.emsNo }, pageSize: 2 });
    expect(decided.rows.map((r) => r.id)).toEqual([malformed.id, second.id]);
    const next = await listManualChanges({ db, filters: { status: "ALL", emsNo: manual.emsNo }, pageSize: 2, after: Number(decided.nextCursor) });
    expect(next).toEqual({ rows: [expect.objectContaining({ id: first.id, status: "REJECTED" })], nextCursor: null });
  });
});
