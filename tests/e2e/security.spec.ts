// Issue 9 hardening, against the real Next.js server: security headers and the nonce-based CSP on pages, API
// routes and static assets; no CSP violation on the main pages (sign-in, subscriptions with the card dialog,
// admin pages); server actions refused from a foreign Origin without any effect; the session cookie's flags;
// the lockout message. The production-only parts (HSTS, forced Secure cookie) are in lib/security/proxy.test.ts.
import type { APIRequestContext, Page } from "@playwright/test";
import { openCancelCardDialog, seedActiveSubscription } from "./card-flow";
import { expect, runSeedScript, signIn, test } from "./fixtures";

const PASSWORD = "Demo@2026";
const FIXED_HEADERS = {
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "strict-origin-when-cross-origin",
};

function expectSecurityHeaders(headers: Record<string, string>) {
  expect(headers).toMatchObject(FIXED_HEADERS);
  expect(headers["permissions-policy"]).toContain("hid=(self)");
  expect(headers["permissions-policy"]).toContain("usb=(self)");
}

function cspDirectives(header: string | undefined): Map<string, string> {
  expect(header, "Content-Security-Policy header").toBeTruthy();
  return new Map(
    header!.split(";").map((part) => {
      const [name, ...values] = part.trim().split(/\s+/);
      return [name, values.join(" ")];
    }),
  );
}

/** Collects CSP violations: the browser's console reports and the page's securitypolicyviolation events. */
async function watchCspViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|CSP violation/i.test(message.text())) violations.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`));
  });
  return violations;
}

test.describe("security headers and Content-Security-Policy", () => {
  test("a page carries the headers and a CSP whose fresh nonce is on every script", async ({ request }) => {
    const first = await request.get("/login");
    expect(first.status()).toBe(200);
    const headers = first.headers();
    expectSecurityHeaders(headers);
    const csp = cspDirectives(headers["content-security-policy"]);
    expect(csp.get("default-src")).toBe("'self'");
    expect(csp.get("object-src")).toBe("'none'");
    expect(csp.get("base-uri")).toBe("'self'");
    expect(csp.get("form-action")).toBe("'self'");
    expect(csp.get("frame-ancestors")).toBe("'none'");
    expect(csp.get("connect-src")).toContain("ws://127.0.0.1:61232");
    const scriptSrc = csp.get("script-src")!;
    expect(scriptSrc).not.toContain("unsafe-inline");
    expect(scriptSrc).not.toContain("unsafe-eval");
    const nonce = /'nonce-([^']+)'/.exec(scriptSrc)?.[1];
    expect(nonce).toBeTruthy();

    const html = await first.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);

    const second = await request.get("/login");
    expect(second.headers()["content-security-policy"]).not.toContain(nonce);
    // Not production (APP_MODE=test): no HSTS on plain http.
    expect(headers["strict-transport-security"]).toBeUndefined();
  });

  test("API routes and static assets carry the headers too", async ({ request }) => {
    const health = await request.get("/api/health");
    expect(health.status()).toBe(200);
    expectSecurityHeaders(health.headers());
    expect(cspDirectives(health.headers()["content-security-policy"]).get("frame-ancestors")).toBe("'none'");

    const unauthorized = await request.get("/api/admin/export/subscriptions");
    expectSecurityHeaders(unauthorized.headers());
    expect(unauthorized.headers()["content-security-policy"]).toContain("default-src 'self'");

    const html = await (await request.get("/login")).text();
    const asset = /src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
    expect(asset).toBeTruthy();
    const script = await request.get(asset!);
    expect(script.status()).toBe(200);
    expectSecurityHeaders(script.headers());
  });

  test("files of public/: robots.txt keeps crawlers out of the portal, and every page links its icon", async ({ request }) => {
    const robots = await request.get("/robots.txt");
    expect(robots.status()).toBe(200);
    expect(await robots.text()).toMatch(/^User-agent: \*\nDisallow: \/$/m);
    expectSecurityHeaders(robots.headers());

    const html = await (await request.get("/login")).text();
    expect(html).toMatch(/<link rel="icon" href="\/favicon.svg"/);
    const icon = await request.get("/favicon.svg");
    expect(icon.status()).toBe(200);
    expect(icon.headers()["content-type"]).toContain("image/svg+xml");
  });

  test("no CSP violation on the sign-in page, the subscriptions page with the card dialog, or the other enterprise pages", async ({ page }) => {
    const violations = await watchCspViolations(page);
    const subscription = seedActiveSubscription();
    // Signs in on /login, opens /subscriptions and the card dialog, which probes the e-port WebSocket.
    const { dialog } = await openCancelCardDialog(page, subscription.id);
    await expect(dialog.getByRole("button", { name: "读取卡片" })).toBeVisible();
    await dialog.getByRole("button", { name: "取消", exact: true }).click();
    for (const path of ["/pushes", "/import-clients"]) {
      await page.goto(path);
      await expect(page.getByTestId("current-user")).toBeVisible();
    }
    expect(violations).toEqual([]);
  });

  test("no CSP violation on the admin pages", async ({ page }) => {
    const violations = await watchCspViolations(page);
    await signIn(page, "SW90000001", PASSWORD);
    for (const path of ["/admin/dashboard", "/admin/changes", "/admin/subscriptions", "/admin/push-messages", "/admin/audit"]) {
      await page.goto(path);
      await expect(page.getByTestId("current-user")).toContainText("SW90000001");
    }
    expect(violations).toEqual([]);
  });
});

test.describe("server actions and the session cookie", () => {
  const ACCOUNT = "SW10000003";

  /** Signs in through the page once to learn the sign-in server action's id and request body. */
  async function signInActionRequest(page: Page): Promise<{ actionId: string; body: string }> {
    const posted = page.waitForRequest((request) => request.method() === "POST" && Boolean(request.headers()["next-action"]));
    await signIn(page, ACCOUNT, PASSWORD);
    const request = await posted;
    return { actionId: request.headers()["next-action"], body: request.postData()! };
  }

  const postAction = (request: APIRequestContext, action: { actionId: string; body: string }, headers: Record<string, string>) =>
    request.post("/login", {
      headers: { "Next-Action": action.actionId, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component", ...headers },
      data: action.body,
      maxRedirects: 0,
    });

  const sessionCookieHeader = (setCookie: string | undefined) => setCookie?.split("\n").find((line) => /authjs\.session-token=/.test(line));
  const signInRecord = () => runSeedScript<{ logins: number; lastSignedInAt: string | null }>("tests/e2e/sign-in-record.ts", [ACCOUNT]);

  test("a server action posted from a foreign Origin is refused and changes nothing; from this origin it works", async ({
    page,
    request,
    baseURL,
  }) => {
    const action = await signInActionRequest(page);
    const before = signInRecord();

    const foreign = await postAction(request, action, { Origin: "https://evil.example" });
    expect(foreign.status()).toBe(500);
    expect(sessionCookieHeader(foreign.headers()["set-cookie"])).toBeUndefined();
    expect(signInRecord()).toEqual(before);

    // The same request from the portal's own origin signs in: the refusal above was the Origin check.
    const own = await postAction(request, action, { Origin: new URL(baseURL!).origin });
    expect(own.status()).toBe(200);
    expect(sessionCookieHeader(own.headers()["set-cookie"])).toBeTruthy();
    expect(signInRecord().logins).toBe(before.logins + 1);
  });

  test("a server action with a body over 1 MB is refused with 413 before it is run; its own small body works", async ({ page, request, baseURL }) => {
    const action = await signInActionRequest(page);
    const before = signInRecord();
    const origin = new URL(baseURL!).origin;
    const big = await postAction(request, { ...action, body: action.body + " ".repeat(2 * 1024 * 1024) }, { Origin: origin });
    expect(big.status()).toBe(413);
    expect(await big.json()).toEqual({ error: { code: "PAYLOAD_TOO_LARGE", message: "请求体超过 1 MB，已拒绝" } });
    expect(signInRecord()).toEqual(before);
    expect((await postAction(request, action, { Origin: origin })).status()).toBe(200);
  });

  test("the session cookie is HttpOnly, SameSite=Lax, lasts 8 hours, and is Secure with the __Secure- prefix over https", async ({
    page,
    request,
    baseURL,
  }) => {
    const action = await signInActionRequest(page);
    const cookie = (await page.context().cookies()).find((c) => c.name === "authjs.session-token");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/", secure: false });
    const hoursLeft = (cookie!.expires * 1000 - Date.now()) / 3_600_000;
    expect(hoursLeft).toBeGreaterThan(7.9);
    expect(hoursLeft).toBeLessThanOrEqual(8);

    // Behind the TLS-terminating proxy (X-Forwarded-Proto: https).
    const overHttps = await postAction(request, action, { Origin: new URL(baseURL!).origin, "X-Forwarded-Proto": "https" });
    expect(overHttps.status()).toBe(200);
    const header = sessionCookieHeader(overHttps.headers()["set-cookie"]);
    expect(header).toMatch(/^__Secure-authjs\.session-token=/);
    expect(header).toMatch(/;\s*Secure/i);
    expect(header).toMatch(/;\s*HttpOnly/i);
    expect(header).toMatch(/;\s*SameSite=Lax/i);
  });
});

test.describe("request body limits", () => {
  const manualRequest = (rows: number, nameLength: number) => {
    const emsNo = `E9${String(Date.now()).slice(-10)}`;
    const head = {
      emsNo,
      bizopEtpsno: "3201931234",
      bizopEtpsNm: "苏州华芯电子科技有限公司",
      rcvgdEtpsno: "3201931234",
      rcvgdEtpsNm: "苏州华芯电子科技有限公司",
      masterCuscd: "3201",
      dclTypecd: "1",
      finishValidDate: "20281231",
      putrecApprTime: "2025-03-05 14:02:11",
    };
    const materials = Array.from({ length: rows }, (_, i) => ({
      gdsSeqno: i + 1,
      gdsMtno: `M${i + 1}`,
      gdecd: "8542319000",
      gdsNm: "芯".repeat(nameLength),
      endprdGdsSpcfModelDesc: "规".repeat(nameLength),
      dclUnitcd: "007",
      lawfUnitcd: "007",
    }));
    return JSON.stringify({ requestId: `e2e-${emsNo}`, head, materials });
  };

  test("the ingestion API takes a 12.6 MB request whole and refuses one over 32 MB with 413", async ({ request }) => {
    const { token } = runSeedScript<{ token: string }>("tests/e2e/seed-upstream-token.ts");
    const headers = { Authorization: `Bearer ${token}`, "Content-Type": "application/json" };
    const body = manualRequest(10_000, 200);
    expect(Buffer.byteLength(body)).toBeGreaterThan(12.5 * 1024 * 1024);
    const accepted = await request.post("/api/ingest/manuals", { headers, data: Buffer.from(body), timeout: 120_000 });
    expect(accepted.status(), await accepted.text()).toBe(201);
    expect(accepted.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
    expectSecurityHeaders(accepted.headers());

    const tooLarge = await request.post("/api/ingest/manuals", { headers, data: Buffer.alloc(32 * 1024 * 1024 + 1, 0x20) });
    expect(tooLarge.status()).toBe(413);
    expect(await tooLarge.json()).toEqual({ error: { code: "PAYLOAD_TOO_LARGE", message: "请求体超过 32 MB，请分批提交" } });
  });
});

test("five wrong passwords lock the account code with a message saying when to try again, also for an unknown account", async ({ page }) => {
  // An account code no one has, new on every run so that a rerun against the same server starts unlocked.
  await page.goto("/login");
  await page.getByLabel("账号").fill(`SW${String(Date.now()).slice(-8)}`);
  await page.getByLabel("密码").fill("wrong-password");
  const alert = page.locator("form").getByRole("alert");
  for (let i = 0; i < 4; i++) {
    await page.getByRole("button", { name: "登录" }).click();
    await expect(alert).toHaveText("账号或密码错误");
    await expect(page.getByRole("button", { name: "登录" })).toBeEnabled();
  }
  await page.getByRole("button", { name: "登录" }).click();
  await expect(alert).toHaveText(/^登录失败次数过多，请于 \d{2}:\d{2} 后再试$/);
});
