// Sessions end (lib/auth/session-version.ts): after 退出, a password change, disabling and an account lock, an
// old session cookie no longer yields a session, neither from the real Auth.js route (/api/auth/session) nor
// from auth() as pages, actions and routes call it. Sign-in goes through the real route with its CSRF token,
// and through the web process's socket-peer preload on a loopback server, so the audited IP is the socket's.
import { createServer, type Server } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from "vitest";
import { verifyCredentials } from "@/lib/auth/credentials";
import { db } from "@/lib/db/client";
import { setUserDisabled } from "@/lib/users/set-user-disabled";
import { createCustomsAdmin, createEnterprise } from "../support/factories";

vi.hoisted(() => {
  process.env.AUTH_SECRET ??= "sessions-test-secret-of-at-least-32-chars";
});
// The request a server action or auth() runs in: the browser's cookie, and a cookie jar that keeps nothing.
const request = vi.hoisted(() => ({ cookie: "" }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ host: "localhost", "x-forwarded-proto": "http", cookie: request.cookie, "x-forwarded-for": "127.0.0.1" }),
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false, set: () => {}, delete: () => {} }),
}));

const { handlers, auth } = await import("@/lib/auth");
const { signOutAction } = await import("@/app/actions/sign-out");
const { changePasswordAction } = await import("@/lib/actions/account/change-password");

// The web process's preload (scripts/lib/socket-peer.cjs) in front of the real Auth.js route, on loopback.
createRequire(import.meta.url)("../../scripts/lib/socket-peer.cjs");
let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer(async (incoming, outgoing) => {
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    const headers = new Headers(Object.entries(incoming.headers).map(([name, value]): [string, string] => [name, String(value)]));
    const init = { method: incoming.method, headers, body: incoming.method === "POST" ? Buffer.concat(chunks) : undefined };
    const response = await (incoming.method === "POST" ? handlers.POST : handlers.GET)(new Request(`http://localhost${incoming.url}`, init) as never);
    outgoing.writeHead(
      response.status,
      [...response.headers]
        .flatMap(([name, value]) => (name === "set-cookie" ? [] : [[name, value]]))
        .concat(response.headers.getSetCookie().map((c) => ["set-cookie", c])) as never,
    );
    outgoing.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));
afterEach(() => {
  delete process.env.TRUSTED_PROXIES;
});

const cookieOf = (response: Response, name: string) =>
  response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .find((c) => c.startsWith(`${name}=`) && c.length > name.length + 1);

/** Signs in through /api/auth/callback/credentials as a browser does; the session cookie, or undefined. */
async function signIn(accountCode: string, password: string, forwardedFor?: string): Promise<string | undefined> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      cookie: cookieOf(csrf, "authjs.csrf-token")!,
      ...(forwardedFor && { "x-forwarded-for": forwardedFor }),
    },
    body: new URLSearchParams({ accountCode, password, csrfToken }),
  });
  return cookieOf(response, "authjs.session-token");
}

/** The session the cookie yields from the real route, and from auth() as pages and actions call it. */
async function sessionOf(cookie: string) {
  const fromRoute = await (await fetch(`${base}/api/auth/session`, { headers: { cookie } })).json();
  request.cookie = cookie;
  const fromAuth = await auth();
  expect(fromAuth?.user ?? null).toEqual(fromRoute?.user ?? null);
  return fromRoute?.user ?? null;
}

const user = (fixture: Awaited<ReturnType<typeof createEnterprise>>) => db.user.findUniqueOrThrow({ where: { id: fixture.user.id } });

test("退出 ends every session of the user, in every browser; a newer session is not ended by an old cookie", async () => {
  const fixture = await createEnterprise(db);
  const [first, second] = [await signIn(fixture.user.accountCode, fixture.password), await signIn(fixture.user.accountCode, fixture.password)];
  expect(await sessionOf(first!)).toMatchObject({ accountCode: fixture.user.accountCode });
  expect(await sessionOf(second!)).toMatchObject({ accountCode: fixture.user.accountCode });

  request.cookie = first!;
  await expect(signOutAction()).rejects.toMatchObject({ digest: expect.stringMatching(/^NEXT_REDIRECT;/) });
  expect(await sessionOf(first!)).toBeNull();
  expect(await sessionOf(second!)).toBeNull();

  const third = await signIn(fixture.user.accountCode, fixture.password);
  request.cookie = first!;
  await expect(signOutAction()).rejects.toMatchObject({ digest: expect.stringMatching(/^NEXT_REDIRECT;/) });
  expect(await sessionOf(third!)).toMatchObject({ accountCode: fixture.user.accountCode });
});

describe("修改密码", () => {
  test("ends every session; the new password signs in, the old one no longer", async () => {
    const fixture = await createEnterprise(db);
    const cookie = await signIn(fixture.user.accountCode, fixture.password);
    request.cookie = cookie!;
    expect(
      await changePasswordAction({ currentPassword: fixture.password, newPassword: "NeuesPasswort2026", confirmPassword: "NeuesPasswort2026" }),
    ).toEqual({ ok: true });
    expect(await sessionOf(cookie!)).toBeNull();
    expect(await signIn(fixture.user.accountCode, fixture.password)).toBeUndefined();
    expect(await signIn(fixture.user.accountCode, "NeuesPasswort2026")).toBeDefined();
    expect(await db.auditLog.findFirst({ where: { action: "PASSWORD_CHANGE", actorUserId: fixture.user.id } })).toMatchObject({
      outcome: "OK",
      ip: "127.0.0.1",
    });
  });

  test("bad input gets a clear error and changes nothing: the password, the sessions", async () => {
    const fixture = await createEnterprise(db);
    const cookie = await signIn(fixture.user.accountCode, fixture.password);
    const before = await user(fixture);
    request.cookie = cookie!;
    const change = (currentPassword: string, newPassword: string, confirmPassword = newPassword) =>
      changePasswordAction({ currentPassword, newPassword, confirmPassword });
    expect(await change("wrong-password1", "Abcdefg12345")).toMatchObject({ ok: false, fieldErrors: { currentPassword: "当前密码不正确" } });
    expect(await change(fixture.password, "Abc123")).toMatchObject({ ok: false, fieldErrors: { newPassword: "新密码至少 8 位" } });
    expect(await change(fixture.password, `A1${"b".repeat(71)}`)).toMatchObject({ ok: false, fieldErrors: { newPassword: "新密码最多 72 位" } });
    expect(await change(fixture.password, "abcdefghij")).toMatchObject({ ok: false, fieldErrors: { newPassword: "新密码须含数字" } });
    expect(await change(fixture.password, "1234567890")).toMatchObject({ ok: false, fieldErrors: { newPassword: "新密码须含字母" } });
    expect(await change(fixture.password, "Abcdefg12345", "Abcdefg12346")).toMatchObject({
      ok: false,
      fieldErrors: { confirmPassword: "两次输入的新密码不一致" },
    });
    expect(await change(fixture.password, fixture.user.accountCode.toLowerCase())).toMatchObject({
      ok: false,
      fieldErrors: { newPassword: "新密码不能与账号相同" },
    });
    expect(await change(fixture.password, undefined as never)).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect(await user(fixture)).toEqual(before);
    expect(await sessionOf(cookie!)).toMatchObject({ accountCode: fixture.user.accountCode });
    expect(
      await db.auditLog.findFirst({ where: { action: "PASSWORD_CHANGE", actorUserId: fixture.user.id }, orderBy: { id: "desc" } }),
    ).toMatchObject({ outcome: "REFUSED", detail: { reason: "invalid" } });
  });

  test("without a session it is refused", async () => {
    request.cookie = "";
    expect(await changePasswordAction({ currentPassword: "x", newPassword: "Abcdefg12345", confirmPassword: "Abcdefg12345" })).toMatchObject({
      ok: false,
      code: "UNAUTHORIZED",
    });
  });
});

describe("停用 / 启用", () => {
  test("disabling ends the user's sessions and stops sign-in; enabling lets them sign in again; an admin cannot disable himself", async () => {
    const fixture = await createEnterprise(db);
    const admin = await createCustomsAdmin(db);
    const by = { userId: admin.id, accountCode: admin.accountCode, ip: "127.0.0.1" };
    const cookie = await signIn(fixture.user.accountCode, fixture.password);
    await setUserDisabled({ db, admin: by, input: { accountCode: fixture.user.accountCode, disabled: true } });
    expect(await sessionOf(cookie!)).toBeNull();
    expect(await signIn(fixture.user.accountCode, fixture.password)).toBeUndefined();
    expect(await verifyCredentials({ db, accountCode: fixture.user.accountCode, password: fixture.password, ip: "127.0.0.1" })).toEqual({
      ok: false,
      reason: "disabled",
    });

    await setUserDisabled({ db, admin: by, input: { accountCode: fixture.user.accountCode, disabled: false } });
    expect(await sessionOf(cookie!), "an old session stays ended").toBeNull();
    expect(await signIn(fixture.user.accountCode, fixture.password)).toBeDefined();
    expect(
      (await db.auditLog.findMany({ where: { targetType: "User", targetId: fixture.user.accountCode }, orderBy: { id: "asc" } })).map(
        (a) => a.action,
      ),
    ).toEqual(["USER_DISABLE", "USER_ENABLE"]);

    await expect(setUserDisabled({ db, admin: by, input: { accountCode: admin.accountCode, disabled: true } })).rejects.toMatchObject({
      code: "RULE_VIOLATION",
      refusal: { key: "users.cannotDisableSelf" },
    });
    await expect(setUserDisabled({ db, admin: by, input: { accountCode: "SW99999998", disabled: true } })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).disabledAt).toBeNull();
  });
});

test("an account lock ends the user's sessions", async () => {
  const fixture = await createEnterprise(db);
  const cookie = await signIn(fixture.user.accountCode, fixture.password);
  for (let i = 0; i < 50; i++) await verifyCredentials({ db, accountCode: fixture.user.accountCode, password: "wrong", ip: `192.0.2.${i + 1}` });
  expect(await sessionOf(cookie!)).toBeNull();
});

describe("client IP through the web process's preload", () => {
  test("a spoofed X-Forwarded-For without trusted proxies is ignored: the socket's address is audited", async () => {
    const fixture = await createEnterprise(db);
    expect(await signIn(fixture.user.accountCode, "wrong", "6.6.6.6")).toBeUndefined();
    expect(await signIn(fixture.user.accountCode, fixture.password, "6.6.6.6")).toBeDefined();
    const audited = await db.auditLog.findMany({ where: { actorUserId: fixture.user.id }, orderBy: { id: "asc" } });
    expect(audited.map((a) => [a.action, a.ip])).toEqual([
      ["LOGIN_FAILED", "127.0.0.1"],
      ["LOGIN", "127.0.0.1"],
    ]);
  });

  test("with TRUSTED_PROXIES the client's address the proxy appended is found", async () => {
    process.env.TRUSTED_PROXIES = "127.0.0.1";
    const fixture = await createEnterprise(db);
    expect(await signIn(fixture.user.accountCode, fixture.password, "6.6.6.6, 198.51.100.23")).toBeDefined();
    expect(await db.auditLog.findFirst({ where: { action: "LOGIN", actorUserId: fixture.user.id } })).toMatchObject({ ip: "198.51.100.23" });
  });
});
