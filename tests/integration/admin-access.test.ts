// Customs-admin functions refuse everyone else on the server: every admin server action, every admin route
// handler, and every admin page (each calls requireAdmin). Refusals of a signed-in user are audited.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, test, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/credentials";
import { db } from "@/lib/db/client";
import { createCustomsAdmin, createEnterprise, createManual, createManualChange } from "../support/factories";
import { adminSession, enterpriseSession } from "../support/sessions";

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/session", () => ({ getSessionUser: async () => session.user }));
vi.mock("next/headers", async () => ({
  ...(await import("../support/request-context")).headersModule,
  headers: async () => new Headers({ "x-forwarded-for": "10.0.0.9" }),
}));

const ACTIONS_DIR = "lib/actions/admin";
const actionFiles = readdirSync(ACTIONS_DIR).filter((file) => file.endsWith(".ts"));
const routeFiles = readdirSync("app/api/admin", { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith("route.ts"));
const pageFiles = readdirSync("app/(portal)/admin", { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith("page.tsx"));

let enterprise: Awaited<ReturnType<typeof createEnterprise>>;
let admin: Awaited<ReturnType<typeof createCustomsAdmin>>;
let changeId: number;
/** A message the dynamic routes (…/[messageId]/…) are asked about. */
let messageId: string;

beforeAll(async () => {
  enterprise = await createEnterprise(db);
  admin = await createCustomsAdmin(db);
  const manual = await createManual(db, { processingUnitCode: enterprise.enterprise.customsCode, materials: 2 });
  changeId = (await createManualChange(db, manual, { chgTmsCnt: 1, materialChanges: [{ modfMarkcd: "2", gdsSeqno: 1 }] })).id;
  messageId = `7${String(Date.now()).padStart(19, "0")}`.slice(0, 20);
  await db.pushMessage.create({
    data: {
      messageId,
      dedupeKey: `admin-access:${messageId}`,
      enterpriseId: enterprise.enterprise.id,
      importClientId: enterprise.client.id,
      emsNo: manual.emsNo,
      type: "STOCK",
      body: "<EmsPushMessage/>",
    },
  });
});

async function actionsOf(file: string) {
  const exports = (await import(/* @vite-ignore */ path.resolve(ACTIONS_DIR, file))) as Record<string, (input: unknown) => Promise<unknown>>;
  return Object.entries(exports);
}

describe("admin server actions", () => {
  test('there are admin actions to check, each one file with "use server"', () => {
    expect(actionFiles.sort()).toEqual([
      "approve-manual-change.ts",
      "register-card.ts",
      "reject-manual-change.ts",
      "revoke-card.ts",
      "set-user-disabled.ts",
    ]);
    for (const file of actionFiles) expect(readFileSync(path.join(ACTIONS_DIR, file), "utf8")).toMatch(/^"use server";/);
  });

  test.each(actionFiles)("%s refuses an enterprise user and an anonymous caller and changes nothing", async (file) => {
    const input = { manualChangeId: changeId, reason: "测试" };
    for (const [name, action] of await actionsOf(file)) {
      session.user = enterpriseSession(enterprise);
      expect(await action(input), name).toMatchObject({ ok: false, code: "FORBIDDEN", error: "仅海关管理员可以办理此业务" });
      session.user = null;
      expect(await action(input), name).toMatchObject({ ok: false, code: "UNAUTHORIZED" });
    }
    expect((await db.manualChange.findUniqueOrThrow({ where: { id: changeId } })).status).toBe("PENDING");
    const refusals = await db.auditLog.findMany({ where: { action: "ACTION_REFUSED", actorUserId: enterprise.user.id } });
    expect(refusals.length).toBeGreaterThan(0);
    expect(refusals.at(-1)).toMatchObject({ outcome: "REFUSED", ip: "10.0.0.9", detail: { reason: "auth.adminOnly" } });
  });

  test("an admin's invalid input comes back with the field's message, audited, without a change", async () => {
    const { rejectManualChangeAction } = await import("@/lib/actions/admin/reject-manual-change");
    session.user = adminSession(admin);
    const result = await rejectManualChangeAction({ manualChangeId: changeId, reason: "  " });
    expect(result).toMatchObject({ ok: false, code: "INVALID_INPUT", fieldErrors: { reason: "请填写退回原因" } });
    expect(await db.auditLog.count({ where: { action: "ACTION_REFUSED", actorUserId: admin.id, targetType: "REJECT_CHANGE" } })).toBe(1);
    expect((await db.manualChange.findUniqueOrThrow({ where: { id: changeId } })).status).toBe("PENDING");
  });
});

describe("admin route handlers", () => {
  test.each(routeFiles)("%s answers 401 without a session and 403 (audited) to an enterprise user", async (file) => {
    const { GET: handler } = (await import(/* @vite-ignore */ path.resolve("app/api/admin", file))) as {
      GET: (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
    };
    const GET = (request: Request) => handler(request, { params: Promise.resolve({ messageId }) });
    const request = () => new Request("http://localhost/api/admin/x");
    session.user = null;
    expect((await GET(request())).status).toBe(401);
    session.user = enterpriseSession(enterprise);
    const before = await db.auditLog.count({ where: { action: "ACTION_REFUSED", actorUserId: enterprise.user.id } });
    const refused = await GET(request());
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({ error: "仅海关管理员可以使用此功能" });
    expect(await db.auditLog.count({ where: { action: "ACTION_REFUSED", actorUserId: enterprise.user.id } })).toBe(before + 1);
    session.user = adminSession(admin);
    const allowed = await GET(request());
    expect(allowed.status).toBe(200);
    await allowed.body?.cancel();
  });
});

describe("admin pages", () => {
  test.each(pageFiles)("%s calls requireAdmin() before anything else", (file) => {
    const source = readFileSync(path.join("app/(portal)/admin", file), "utf8");
    const body = source.slice(source.indexOf("export default async function"));
    expect(body.split("\n").slice(1, 3).join("\n")).toContain("await requireAdmin();");
  });
});
