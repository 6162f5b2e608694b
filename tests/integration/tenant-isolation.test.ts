// Issue 9: enterprise B, signed in and signing with its own cards, tries every server action and every API
// route on enterprise A's ids; each refuses and writes nothing but the audit row of the refusal. The cases are
// keyed by "file#export" and must match the actions and routes found in the source tree, so a new one without
// a case fails here. Actions and routes that take no tenant-owned id say why and get the check that fits them.
import { beforeAll, describe, expect, test, vi } from "vitest";
import { db } from "@/lib/db/client";
import { registerUpstreamSystem } from "@/lib/ingestion/upstream-token";
import { signedActionNames, type SignedActionName } from "@/lib/signing/registry";
import { type TSubscribeForm } from "@/lib/validations/subscription";
import { addYearsToDay, shanghaiDay } from "@/lib/time/shanghai";
import { auditRowsSince, dbFingerprint, lastAuditId } from "../support/db-fingerprint";
import { endpointsByCase } from "../support/case-keys";
import { enumerateEndpoints } from "../support/registry";
import { requestContext } from "../support/request-context";
import { subscribeForm } from "../support/subscribe-form";
import { enterpriseSession } from "../support/sessions";
import { signRequest } from "../support/signing";
import { createTwoTenants, type TwoTenants } from "../support/tenants";
import { pullIsolation } from "../support/pull-security";

vi.hoisted(() => {
  process.env.AUTH_SECRET ??= "tenant-isolation-test-secret-of-40-chars!";
  process.env.METRICS_TOKEN = "tenant-isolation-metrics-token";
});
vi.mock("@/lib/auth/session", async () => (await import("../support/request-context")).sessionModule);
vi.mock("next/headers", async () => (await import("../support/request-context")).headersModule);
vi.mock("next-intl/server", async () => (await import("../support/request-context")).intlServerModule());

type Action = (input: unknown) => Promise<unknown>;
type Route = (request: Request, context?: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;
type Card = { cardNo: string; publicKey: string; privateKey: string };

const endpoints = endpointsByCase(await enumerateEndpoints());
let t: TwoTenants;
let upstreamToken: string;

beforeAll(async () => {
  t = await createTwoTenants(db);
  ({ token: upstreamToken } = await registerUpstreamSystem({ db, name: `隔离测试-${t.a.enterprise.customsCode}` }));
});

const asB = () => (requestContext.user = enterpriseSession(t.b));

/** B's request signed with B's legal-person card (or the given card), as the browser's card dialog sends it. */
async function signedByB(action: SignedActionName, payload: unknown, card: Card = t.b.legalCard) {
  const { proof } = await signRequest({ fixture: t.b, action, payload, card });
  return { payload, proof };
}

/** Runs `call` and shows that the database is as before, but for audit rows recording a refusal. */
async function withoutChange<T>(call: () => Promise<T>, options: { except?: string[] } = {}): Promise<T> {
  const before = await dbFingerprint(db, options);
  const auditedAfter = await lastAuditId(db);
  const result = await call();
  expect(await dbFingerprint(db, options)).toEqual(before);
  for (const row of await auditRowsSince(db, auditedAfter)) expect(row, "only refusals are audited").toMatchObject({ outcome: "REFUSED" });
  return result;
}

/** B calls the action; it answers { ok: false, … } and writes nothing. */
async function refused(action: Action, input: unknown, expected: Record<string, unknown>) {
  asB();
  expect(await withoutChange(() => action(input))).toMatchObject({ ok: false, ...expected });
}

/** Sign-in attempts are counted per account and IP (lib/auth/sign-in-throttle.ts), refused or not. */
const SIGN_IN_COUNTS = { except: ["SignInThrottle", "User"] };
const WRONG_PASSWORD = "B猜的口令-123";
const NOT_OWN_CLIENT = { code: "NOT_FOUND", error: "导入客户端不存在或不属于本企业" };
const ADMIN_ONLY = { code: "FORBIDDEN", error: "仅海关管理员可以办理此业务" };

/** B's incremental subscription request to A's manual, through B's client unless told otherwise. */
const subscribeRequest = (overrides: Partial<TSubscribeForm>) =>
  subscribeForm(t.b.client.clientId, { incrementalEnabled: true, incrementalEmsNo: t.manual.emsNo, ...overrides });

/** Answers that must not depend on who asks: the same for A, B and nobody, and nothing of A's in it. */
async function sameForEveryone(route: Route, url: string) {
  const bodies: string[] = [];
  for (const user of [enterpriseSession(t.a), enterpriseSession(t.b), null]) {
    requestContext.user = user;
    const response = await withoutChange(() => route(new Request(url)));
    expect(response.status).toBeLessThan(500);
    bodies.push(await response.text());
  }
  expect(new Set(bodies).size).toBe(1);
  for (const secret of [t.a.enterprise.customsCode, t.a.enterprise.name, t.a.client.clientId, t.manual.emsNo])
    expect(bodies[0]).not.toContain(secret);
}

async function adminRouteRefusesB(route: Route, path: string) {
  asB();
  const response = await withoutChange(() => route(new Request(`http://localhost${path}?customsCode=${t.a.enterprise.customsCode}`)));
  expect(response.status).toBe(403);
  expect(await response.json()).toEqual({ error: "仅海关管理员可以使用此功能" });
}

async function ingestionRefusesSession(route: Route, body: object) {
  asB();
  const request = new Request("http://localhost/api/ingest", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const response = await withoutChange(() => route(request));
  expect(response.status).toBe(401);
  expect((await response.json()).error.code).toBe("UNAUTHORIZED");
}

interface Case {
  /** Why the endpoint takes no tenant-owned id; absent for the tenant-scoped ones. */
  notTenantScoped?: string;
  check: (endpoint: never) => Promise<void>;
}

const cases: Record<string, Case> = {
  "lib/actions/admin/approve-manual-change.ts#approveManualChangeAction": {
    notTenantScoped: "customs admins only: decides changes of any enterprise's manual",
    check: (action: Action) => refused(action, { manualChangeId: t.change.id }, ADMIN_ONLY),
  },
  "lib/actions/admin/reject-manual-change.ts#rejectManualChangeAction": {
    notTenantScoped: "customs admins only",
    check: (action: Action) => refused(action, { manualChangeId: t.change.id, reason: "企业B退回" }, ADMIN_ONLY),
  },
  "lib/actions/admin/register-card.ts#registerCardAction": {
    notTenantScoped: "customs admins only: registers a card for any enterprise",
    check: (action: Action) =>
      refused(
        action,
        {
          customsCode: t.a.enterprise.customsCode,
          cardNo: `${t.b.legalCard.cardNo.slice(0, 12)}7`,
          kind: "LEGAL_PERSON",
          holder: "冒名",
          publicKey: t.b.legalCard.publicKey,
        },
        ADMIN_ONLY,
      ),
  },
  "lib/actions/admin/revoke-card.ts#revokeCardAction": {
    notTenantScoped: "customs admins only: revokes any enterprise's card",
    check: (action: Action) => refused(action, { cardNo: t.a.legalCard.cardNo, reason: "企业B冒名注销" }, ADMIN_ONLY),
  },
  "lib/actions/admin/set-user-disabled.ts#setUserDisabledAction": {
    notTenantScoped: "customs admins only: disables or enables any enterprise's user",
    check: (action: Action) => refused(action, { accountCode: t.a.user.accountCode, disabled: true }, ADMIN_ONLY),
  },
  "lib/actions/account/change-password.ts#changePasswordAction": {
    notTenantScoped: "changes the caller's own password, named by the session, never by an id",
    // B cannot name A's account; with a wrong current password B's own is refused too (its failure is counted).
    check: async (action: Action) => {
      asB();
      const input = {
        accountCode: t.a.user.accountCode,
        currentPassword: WRONG_PASSWORD,
        newPassword: "B的新口令2026",
        confirmPassword: "B的新口令2026",
      };
      expect(await withoutChange(() => action(input), { except: ["SignInThrottle"] })).toMatchObject({
        ok: false,
        fieldErrors: { currentPassword: "当前密码不正确" },
      });
    },
  },
  CLIENT_BIND: {
    check: async (action: Action) => {
      await refused(action, await signedByB("CLIENT_BIND", { clientId: t.client.clientId, cardNo: t.b.legalCard.cardNo }), NOT_OWN_CLIENT);
      const foreignCard = { clientId: t.b.client.clientId, cardNo: t.a.legalCard.cardNo };
      await refused(action, await signedByB("CLIENT_BIND", foreignCard), { fieldErrors: { cardNo: "只能绑定本企业在用的卡" } });
    },
  },
  CLIENT_ENDPOINT: {
    check: async (action: Action) =>
      refused(action, await signedByB("CLIENT_ENDPOINT", { clientId: t.client.clientId, endpointUrl: "https://203.0.113.66/steal" }), NOT_OWN_CLIENT),
  },
  "lib/actions/import-clients/get-test-message-status.ts#getTestMessageStatusAction": {
    check: (action: Action) => refused(action, { messageId: t.testMessageId }, { code: "NOT_FOUND", error: "测试报文不存在或不属于本企业" }),
  },
  CLIENT_REGISTER: {
    // It takes no id; what could be A's is the card, so B presents a request correctly signed with A's card.
    check: async (action: Action) =>
      refused(action, await signedByB("CLIENT_REGISTER", { name: "借卡注册", endpointUrl: "https://203.0.113.66/push" }, t.a.legalCard), {
        code: "FORBIDDEN",
        error: "非本企业卡，不能签名",
      }),
  },
  CLIENT_RESUME: {
    check: async (action: Action) => refused(action, await signedByB("CLIENT_RESUME", { clientId: t.client.clientId }), NOT_OWN_CLIENT),
  },
  CLIENT_DELIVERY_MODE: {
    check: async (action: Action) =>
      refused(action, await signedByB("CLIENT_DELIVERY_MODE", { clientId: t.client.clientId, deliveryMode: "PULL" }), NOT_OWN_CLIENT),
  },
  "lib/actions/import-clients/send-test-message.ts#sendTestMessageAction": {
    check: (action: Action) => refused(action, { clientId: t.client.clientId }, NOT_OWN_CLIENT),
  },
  CLIENT_UNBIND: {
    check: async (action: Action) => refused(action, await signedByB("CLIENT_UNBIND", { clientId: t.client.clientId }), NOT_OWN_CLIENT),
  },
  "lib/actions/pushes/get-message-detail.ts#getMessageDetailAction": {
    check: (action: Action) => refused(action, { messageId: t.dataMessageId }, { code: "NOT_FOUND", error: "报文不存在或不属于本企业" }),
  },
  RESEND: {
    check: async (action: Action) => {
      const byId = await signedByB("RESEND", { messageIds: [t.dataMessageId] });
      await refused(action, byId, { code: "NOT_FOUND", error: "报文不存在或不属于本企业，未重发" });
      const byQuery = await signedByB("RESEND", { failedOf: t.failedQueryOfA });
      await refused(action, byQuery, { code: "RULE_VIOLATION", error: "本次查询中没有下发失败的报文" });
    },
  },
  "lib/actions/signing/request-challenge.ts#requestChallengeAction": {
    // Every signed request on A's ids is refused before a challenge is issued (no SigningChallenge row).
    check: async (action: Action) => {
      const onA = [
        { action: "SUBSCRIBE", payload: subscribeRequest({ clientId: t.client.clientId }) },
        { action: "SUBSCRIBE", payload: subscribeRequest({}) },
        { action: "CANCEL", payload: { subscriptionId: t.subscription.id } },
        { action: "EXTEND", payload: { subscriptionId: t.subscription.id, validUntil: addYearsToDay(shanghaiDay(), 1) } },
        { action: "RESEND", payload: { messageIds: [t.dataMessageId] } },
        { action: "RESEND", payload: { failedOf: t.failedQueryOfA } },
        { action: "CLIENT_BIND", payload: { clientId: t.client.clientId, cardNo: t.b.legalCard.cardNo } },
        { action: "CLIENT_BIND", payload: { clientId: t.b.client.clientId, cardNo: t.a.operatorCard.cardNo } },
        { action: "CLIENT_UNBIND", payload: { clientId: t.client.clientId } },
        { action: "CLIENT_ENDPOINT", payload: { clientId: t.client.clientId, endpointUrl: "https://203.0.113.66/push" } },
        { action: "CLIENT_RESUME", payload: { clientId: t.client.clientId } },
        { action: "CLIENT_DELIVERY_MODE", payload: { clientId: t.client.clientId, deliveryMode: "PULL" } },
      ];
      for (const request of onA) await refused(action, request, {});
    },
  },
  CANCEL: {
    check: async (action: Action) =>
      refused(action, await signedByB("CANCEL", { subscriptionId: t.subscription.id }), {
        code: "NOT_FOUND",
        error: "订阅记录不存在",
      }),
  },
  EXTEND: {
    check: async (action: Action) => {
      const payload = { subscriptionId: t.subscription.id, validUntil: addYearsToDay(shanghaiDay(), 1) };
      await refused(action, await signedByB("EXTEND", payload), { code: "NOT_FOUND", error: "订阅记录不存在" });
    },
  },
  SUBSCRIBE: {
    check: async (action: Action) => {
      const toAsClient = subscribeRequest({ clientId: t.client.clientId });
      await refused(action, await signedByB("SUBSCRIBE", toAsClient), {
        fieldErrors: { clientId: "请选择本企业已绑定卡介质的导入客户端" },
      });
      await refused(action, await signedByB("SUBSCRIBE", subscribeRequest({})), {
        code: "FORBIDDEN",
        fieldErrors: { incrementalEmsNo: "本企业不是该账册的加工单位，不能订阅" },
      });
    },
  },
  "app/actions/preferences.ts#setLocaleAction": {
    notTenantScoped: "sets the caller's language cookie; reads and writes no enterprise data",
    check: async (action: Action) => {
      asB();
      expect(await withoutChange(() => action("en"))).toEqual({ ok: true });
      expect(requestContext.cookies.get("NEXT_LOCALE")).toBe("en");
      // Refusals would now come back in English; the other cases expect Chinese.
      requestContext.cookies.delete("NEXT_LOCALE");
    },
  },
  "app/actions/sign-out.ts#signOutAction": {
    notTenantScoped: "ends the caller's own session; takes no input",
    check: async (action: Action) => {
      asB();
      const thrown = await withoutChange(() =>
        action(undefined).then(
          () => null,
          (error: unknown) => error,
        ),
      );
      expect(thrown, "Next.js redirects by throwing").toMatchObject({
        digest: expect.stringMatching(/^NEXT_REDIRECT;\w+;(https?:\/\/localhost)?\/login;/),
      });
    },
  },
  "app/(auth)/login/actions.ts#signInAction": {
    notTenantScoped: "authenticates by account and password; a session grants nothing here",
    // B, signed in, tries A's account with a password of its own guessing: refused. The sign-in throttle's counts are left out
    // of the fingerprint: counting failed attempts is how it works.
    check: async (action: Action) => {
      asB();
      const result = await withoutChange(() => action({ accountCode: t.a.user.accountCode, password: WRONG_PASSWORD }), SIGN_IN_COUNTS);
      expect(result).toMatchObject({ ok: false, error: "账号或密码错误" });
    },
  },
  "app/api/admin/export/push-messages/route.ts#GET": {
    notTenantScoped: "customs admins only: exports every enterprise's messages",
    check: (route: Route) => adminRouteRefusesB(route, "/api/admin/export/push-messages"),
  },
  "app/api/admin/push-messages/[messageId]/xml/route.ts#GET": {
    notTenantScoped: "customs admins only: downloads any enterprise's message",
    check: async (route: Route) => {
      asB();
      const download = () =>
        route(new Request(`http://localhost/api/admin/push-messages/${t.dataMessageId}/xml`), {
          params: Promise.resolve({ messageId: t.dataMessageId }),
        });
      const response = await withoutChange(download);
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({ error: "仅海关管理员可以使用此功能" });
    },
  },
  "app/api/admin/export/subscriptions/route.ts#GET": {
    notTenantScoped: "customs admins only: exports every enterprise's records",
    check: (route: Route) => adminRouteRefusesB(route, "/api/admin/export/subscriptions"),
  },
  "app/api/auth/[...nextauth]/route.ts#GET": {
    notTenantScoped: "Auth.js endpoints: the session comes from the caller's own cookie, never from an id",
    check: async (route: Route) => {
      asB();
      const response = await withoutChange(() => route(new Request("http://localhost/api/auth/session")));
      expect(response.status).toBe(200);
      expect(await response.json()).toBeNull();
    },
  },
  "app/api/auth/[...nextauth]/route.ts#POST": {
    notTenantScoped: "Auth.js endpoints: signing in to A's account needs A's password and a CSRF token",
    // Even A's right password (the factory gives every user the same) without the CSRF token makes no session.
    check: async (route: Route) => {
      asB();
      const form = new URLSearchParams({ accountCode: t.a.user.accountCode, password: t.b.password });
      const request = new Request("http://localhost/api/auth/callback/credentials", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: form,
      });
      const response = await withoutChange(() => route(request), SIGN_IN_COUNTS);
      expect(response.status).toBeLessThan(500);
      expect(response.headers.getSetCookie().some((cookie) => /session-token=[^;]/.test(cookie))).toBe(false);
    },
  },
  "app/api/health/route.ts#GET": {
    notTenantScoped: "liveness, public",
    check: (route: Route) => sameForEveryone(route, "http://localhost/api/health"),
  },
  "app/api/ready/route.ts#GET": {
    notTenantScoped: "readiness, public",
    check: (route: Route) => sameForEveryone(route, "http://localhost/api/ready"),
  },
  "app/api/platform-key/route.ts#GET": {
    notTenantScoped: "the platform's public key, public",
    check: (route: Route) => sameForEveryone(route, "http://localhost/api/platform-key"),
  },
  "app/api/metrics/route.ts#GET": {
    notTenantScoped: "operations, bearer METRICS_TOKEN; a session is no credential",
    check: async (route: Route) => {
      asB();
      expect((await withoutChange(() => route(new Request("http://localhost/api/metrics")))).status).toBe(401);
      const allowed = await route(new Request("http://localhost/api/metrics", { headers: { authorization: `Bearer ${process.env.METRICS_TOKEN}` } }));
      expect(allowed.status).toBe(200);
      expect(await allowed.text()).not.toContain(t.a.enterprise.customsCode);
    },
  },
  "app/api/ingest/changes/route.ts#POST": {
    notTenantScoped: "upstream customs systems only, by bearer token; an enterprise session is no credential",
    check: async (route: Route) => {
      await ingestionRefusesSession(route, { requestId: `iso-${t.change.id}`, emsNo: t.manual.emsNo, chgTmsCnt: 2, materialChanges: [] });
      const withToken = await route(
        new Request("http://localhost/api/ingest", {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${upstreamToken}` },
          body: "{}",
        }),
      );
      expect(withToken.status, "the token of the route's own test is accepted").toBe(422);
    },
  },
  "app/api/ingest/manuals/route.ts#POST": {
    notTenantScoped: "upstream customs systems only, by bearer token; an enterprise session is no credential",
    check: (route: Route) => ingestionRefusesSession(route, { requestId: `iso-m-${t.change.id}`, head: { emsNo: t.manual.emsNo }, materials: [] }),
  },
  ...Object.fromEntries(
    (["messages", "ack", "manifest", "fetch"] as const).map((name) => [
      `app/api/pull/v1/${name}/route.ts#POST`,
      {
        // Issue 20: the caller is an import client, signing with its bound card; B's client on A's client and message.
        check: (route: Route) =>
          pullIsolation({ route, path: `/api/pull/v1/${name}`, a: { ...t.a, client: t.client }, b: t.b, aMessageId: t.dataMessageId }),
      },
    ]),
  ),
  "app/api/pushes/[messageId]/xml/route.ts#GET": {
    check: async (route: Route) => {
      asB();
      const download = () =>
        route(new Request(`http://localhost/api/pushes/${t.dataMessageId}/xml`), { params: Promise.resolve({ messageId: t.dataMessageId }) });
      const response = await withoutChange(download);
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ error: "报文不存在或不属于本企业" });
      requestContext.user = enterpriseSession(t.a);
      expect((await download()).status, "A downloads its own message").toBe(200);
    },
  },
};

describe("tenant isolation (issue 9)", () => {
  test("every server action and API route found in the source tree has a case, and every case an endpoint", () => {
    expect(Object.keys(cases).sort()).toEqual([...endpoints.keys()].sort());
  });

  test("every signed action of the registry has its case, keyed by its name, and a server action serving it", () => {
    for (const name of signedActionNames) expect(endpoints.has(name), name).toBe(true);
  });

  test.each(Object.keys(cases).sort())("%s", async (key) => {
    const endpoint = endpoints.get(key);
    expect(endpoint, "no such action or route").toBeDefined();
    await cases[key].check(endpoint as never);
    requestContext.user = null;
  });

  test("A's records are as they were: the client still paused, the record still active, the change still pending", async () => {
    expect(await db.importClient.findUniqueOrThrow({ where: { id: t.client.id } })).toMatchObject({
      status: "PAUSED",
      boundCardNo: t.a.legalCard.cardNo,
      endpointUrl: t.a.client.endpointUrl,
    });
    expect(await db.subscription.findUniqueOrThrow({ where: { id: t.subscription.id } })).toMatchObject({
      status: "ACTIVE",
      validUntil: t.subscription.validUntil,
    });
    expect(await db.manualChange.findUniqueOrThrow({ where: { id: t.change.id } })).toMatchObject({ status: "PENDING" });
    expect(await db.pushMessage.count({ where: { enterpriseId: t.a.enterprise.id, resent: true } })).toBe(0);
    expect(await db.card.count({ where: { enterpriseId: t.a.enterprise.id } })).toBe(2);
  });

  test("the refusals of B's signed requests are audited under B, not A", async () => {
    const refusals = await db.auditLog.findMany({ where: { outcome: "REFUSED", actorUserId: t.b.user.id } });
    expect(refusals.length).toBeGreaterThan(10);
    expect(refusals.every((row) => row.enterpriseId === t.b.enterprise.id)).toBe(true);
    expect(await db.auditLog.count({ where: { enterpriseId: t.a.enterprise.id, action: { not: "LOGIN_FAILED" } } })).toBe(0);
  });
});

// Sanity of the helper itself: a write is seen.
test("the fingerprint sees a write", async () => {
  const before = await dbFingerprint(db);
  await db.importClient.update({ where: { id: t.b.client.id }, data: { name: "改名" } });
  expect(await dbFingerprint(db)).not.toEqual(before);
});
