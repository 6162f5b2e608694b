// "Who did what to X" (issue 18): the audit log filtered by target, a resend of several messages on the trail
// of each, a malformed target filter reported rather than ignored, and the list paged both ways with its total.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { writeAudit } from "@/lib/audit/log";
import { countAuditEntries, listAuditEntries } from "@/lib/audit/list-entries";
import { db } from "@/lib/db/client";
import { stopSender } from "@/lib/jobs/send";
import { dispatchStockSubscription } from "@/lib/pushes/dispatch-stock";
import { parseFilters, ZAuditFilters } from "@/lib/validations/admin-filters";
import { createEnterprise, createManual, createStockSubscription } from "../support/factories";
import { runSigned } from "../support/signing";

let f: Awaited<ReturnType<typeof createEnterprise>>;
/** Two messages of two subscriptions, resent together once and the first alone once. */
let messages: { messageId: string; subscriptionId: number }[];

beforeAll(async () => {
  f = await createEnterprise(db);
  // Nothing listens on the discard port: should a worker pick the jobs up, they fail harmlessly.
  await db.importClient.update({ where: { id: f.client.id }, data: { endpointUrl: "http://127.0.0.1:9/push" } });
  const manual = await createManual(db, { processingUnitCode: f.enterprise.customsCode, materials: 2 });
  messages = [];
  for (let i = 0; i < 2; i++) {
    const subscription = await createStockSubscription(db, f, manual);
    await dispatchStockSubscription({ db, subscriptionId: subscription.id });
    const { messageId } = await db.pushMessage.findFirstOrThrow({ where: { subscriptionId: subscription.id }, select: { messageId: true } });
    messages.push({ messageId, subscriptionId: subscription.id });
  }
  for (const messageIds of [messages.map((m) => m.messageId), [messages[0].messageId]]) {
    expect(await runSigned({ fixture: f, action: "RESEND", payload: { messageIds }, card: f.operatorCard })).toMatchObject({ ok: true });
  }
});
afterAll(() => stopSender());

const trailOf = (targetType: "PushMessage" | "Subscription", targetId: string) => listAuditEntries({ db, filters: { targetType, targetId } });

describe("the audit log by target", () => {
  test("a message's trail holds every resend that touched it, a resend of several messages included; each entry verifies", async () => {
    const first = await trailOf("PushMessage", messages[0].messageId);
    expect(first.rows.map((r) => [r.action, r.targetId])).toEqual([
      ["RESEND", messages[0].messageId],
      ["RESEND", messages[0].messageId],
    ]);
    const second = await trailOf("PushMessage", messages[1].messageId);
    expect(second.rows.map((r) => r.action)).toEqual(["RESEND"]);
    // The several-message resend: one signature, an entry per message, each verifiable on its own.
    expect(second.rows[0].signature).toBe(first.rows[1].signature);
    for (const row of [...first.rows, ...second.rows]) {
      expect(row.signatureCheck).toEqual({ valid: true, cardNo: f.operatorCard.cardNo, problems: [] });
      expect(row.detail).toEqual({ messageCount: row.signature === second.rows[0].signature ? 2 : 1 });
    }
    expect(await countAuditEntries({ db, filters: { targetType: "PushMessage", targetId: messages[0].messageId } })).toEqual({
      count: 2,
      capped: false,
    });
  });

  test("a subscription's trail is its own acts only; a type alone lists every target of that type", async () => {
    const [a, b] = messages.map((m) => m.subscriptionId);
    for (const id of [a, b, a]) {
      await writeAudit(db, {
        action: "EXPIRE",
        enterpriseId: f.enterprise.id,
        targetType: "Subscription",
        targetId: id,
        detail: { at: "2027-09-30T15:59:59.000Z" },
      });
    }
    expect((await trailOf("Subscription", String(a))).rows.map((r) => r.targetId)).toEqual([String(a), String(a)]);
    const byType = await listAuditEntries({ db, filters: { targetType: "Subscription", customsCode: f.enterprise.customsCode } });
    expect(byType.rows.map((r) => r.targetId)).toEqual([String(a), String(b), String(a)]);
  });

  test("a target id that is not of its type's form, an id without a type and an unknown type are reported", () => {
    expect(parseFilters(ZAuditFilters, { targetType: "PushMessage", targetId: "123" })).toEqual({
      ok: false,
      errors: { targetId: { key: "identifiers.messageId" } },
    });
    expect(parseFilters(ZAuditFilters, { targetType: "Subscription", targetId: "abc" })).toMatchObject({
      ok: false,
      errors: { targetId: { key: "identifiers.recordId" } },
    });
    expect(parseFilters(ZAuditFilters, { targetId: "20260000000000000001" })).toEqual({
      ok: false,
      errors: { targetType: { key: "filters.targetTypeRequired" } },
    });
    expect(parseFilters(ZAuditFilters, { targetType: "Bogus" })).toMatchObject({ ok: false, errors: { targetType: expect.anything() } });
    // Typed as an admin would: lower case and spaces are normalised.
    expect(parseFilters(ZAuditFilters, { targetType: "ImportClient", targetId: ` ${f.client.clientId.toLowerCase()} ` })).toEqual({
      ok: true,
      filters: { targetType: "ImportClient", targetId: f.client.clientId },
    });
  });
});

describe("paging the audit log", () => {
  test("下一页 and 上一页 walk the same pages, newest first, with the total", async () => {
    const other = await createEnterprise(db);
    for (let i = 0; i < 5; i++)
      await writeAudit(db, {
        action: "LOGIN",
        enterpriseId: other.enterprise.id,
        targetType: "User",
        targetId: other.user.accountCode,
        detail: { i },
      });
    const filters = { customsCode: other.enterprise.customsCode };
    const page1 = await listAuditEntries({ db, filters, pageSize: 2 });
    expect(page1.prevCursor).toBeNull();
    const page2 = await listAuditEntries({ db, filters, pageSize: 2, after: page1.nextCursor });
    const page3 = await listAuditEntries({ db, filters, pageSize: 2, after: page2.nextCursor });
    const index = (page: { rows: { detail: unknown }[] }) => page.rows.map((r) => (r.detail as { i: number }).i);
    expect([index(page1), index(page2), index(page3)]).toEqual([[4, 3], [2, 1], [0]]);
    expect(page3.nextCursor).toBeNull();
    expect(index(await listAuditEntries({ db, filters, pageSize: 2, before: page3.prevCursor }))).toEqual([2, 1]);
    expect(index(await listAuditEntries({ db, filters, pageSize: 2, before: page2.prevCursor }))).toEqual([4, 3]);
    expect(await countAuditEntries({ db, filters })).toEqual({ count: 5, capped: false });
    expect(await countAuditEntries({ db, filters: { customsCode: "ZZZZZZZZZZ" } })).toEqual({ count: 0, capped: false });
  });
});
