// Issue 9: every server action and API route given arbitrary, malformed and nearly-right input (fast-check).
// None throws or answers 5xx (for an action: the generic "系统繁忙" error), a refusal writes nothing but its
// audit row, and every message is readable Chinese. Cases are keyed by "file#export" and must match the
// actions and routes found in the source tree, so a new one without a case fails here.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { db } from "@/lib/db/client";
import { GENERIC_REFUSAL } from "@/lib/errors";
import { renderRefusal } from "@/lib/i18n/refusal";
import { registerUpstreamSystem } from "@/lib/ingestion/upstream-token";
import { stopSender } from "@/lib/jobs/send";
import { signedActionNames, signedActionRegistry, type SignedActionName } from "@/lib/signing/registry";
import { addYearsToDay, shanghaiDay } from "@/lib/time/shanghai";
import { auditRowsSince, dbFingerprint, lastAuditId } from "../support/db-fingerprint";
import { createManual } from "../support/factories";
import { boundaryExamples, hostileProof, hostileString, hostileValue, inputLike, nearly, oneFieldOff, toJson } from "../support/hostile-input";
import { unreadableReason } from "../support/readable-message";
import { endpointsByCase } from "../support/case-keys";
import { enumerateEndpoints } from "../support/registry";
import { requestContext } from "../support/request-context";
import { adminSession, enterpriseSession } from "../support/sessions";
import { signRequest } from "../support/signing";
import { createTwoTenants, type TwoTenants } from "../support/tenants";
import { inPullMode, PULL_SAMPLES, pullAuthenticationRefusals, pullRouteFuzz, unboundSigner } from "../support/pull-security";
import { pullSignerOf } from "../support/pull-requests";

vi.hoisted(() => {
  process.env.AUTH_SECRET ??= "input-fuzzing-test-secret-of-40-chars!!!";
  process.env.METRICS_TOKEN = "input-fuzzing-metrics-token";
});
vi.mock("@/lib/auth/session", async () => (await import("../support/request-context")).sessionModule);
vi.mock("next/headers", async () => (await import("../support/request-context")).headersModule);
vi.mock("next-intl/server", async () => (await import("../support/request-context")).intlServerModule());

/** Random runs per property, on top of the boundary examples (fast-check counts those as runs too). */
const RUNS = 25;
/** For properties that repeat one costly step (an SM2 signature, a redirect): fewer runs say as much. */
const FEW_RUNS = 8;
const HALF_RUNS = 12;

const withExamples = <T>(numRuns: number, examples: T[] = []) => ({
  numRuns: numRuns + examples.length,
  examples: examples.map((example) => [example] as [T]),
});

type Action = (input: unknown) => Promise<unknown>;
type Route = (request: Request, context?: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Session = "enterprise" | "admin" | "anonymous";

const endpoints = endpointsByCase(await enumerateEndpoints());
let t: TwoTenants;
let upstreamToken: string;
/** A manual B is the processing unit of, so that B's subscribe requests reach the range rules. */
let ownManual: { emsNo: string };

beforeAll(async () => {
  t = await createTwoTenants(db);
  ownManual = await createManual(db, { processingUnitCode: t.b.enterprise.customsCode, materials: 3, products: 2 });
  ({ token: upstreamToken } = await registerUpstreamSystem({ db, name: `模糊测试-${t.a.enterprise.customsCode}` }));
});
afterAll(() => stopSender());

function signIn(session: Session) {
  requestContext.user = session === "enterprise" ? enterpriseSession(t.b) : session === "admin" ? adminSession(t.admin) : null;
}

/** Sign-in attempts are counted per account and IP (lib/auth/sign-in-throttle.ts), refused or not. */
const SIGN_IN_COUNTS = ["SignInThrottle", "User"];

/** Runs one input; a refusal must leave the database as it was, but for audit rows recording it. */
async function refusalWritesNothing<T>(call: () => Promise<T>, isRefusal: (result: T) => boolean, except: string[] = []): Promise<T> {
  const before = await dbFingerprint(db, { except });
  const audited = await lastAuditId(db);
  const result = await call();
  if (isRefusal(result)) {
    expect(await dbFingerprint(db, { except })).toEqual(before);
    for (const row of await auditRowsSince(db, audited)) expect(row.outcome).toBe("REFUSED");
  }
  return result;
}

function expectReadable(message: unknown, what: string) {
  expect(unreadableReason(message), `${what}: ${String(message).slice(0, 200)}`).toBeNull();
}

/** An action's answer to garbage: { ok: false } with a readable message (never the generic one), or ok. */
function expectActionAnswer(result: unknown) {
  expect(result).toMatchObject({ ok: expect.any(Boolean) });
  const answer = result as { ok: boolean; error?: string; fieldErrors?: Record<string, string> };
  if (answer.ok) return;
  expect(answer.error, "the generic error means an unexpected exception").not.toBe(renderRefusal(GENERIC_REFUSAL));
  expectReadable(answer.error, "error");
  for (const [field, message] of Object.entries(answer.fieldErrors ?? {})) expectReadable(message, `fieldErrors.${field}`);
}

const refusedAction = (result: unknown) => (result as { ok?: boolean }).ok !== true;

/** Fuzzes an action: each input as the given user, through the real action; `examples` are tried first. */
function actionFuzz(session: Session, inputs: fc.Arbitrary<unknown>, options: { examples?: unknown[]; except?: string[] } = {}) {
  return (action: Action) =>
    fc.assert(
      fc.asyncProperty(inputs, async (input) => {
        signIn(session);
        expectActionAnswer(await refusalWritesNothing(() => action(input), refusedAction, options.except));
      }),
      withExamples(RUNS, options.examples),
    );
}

/** Anything, nearly the sample, and the sample with each boundary value in each field. */
const actionFuzzLike = (session: Session, sample: Record<string, unknown>, except?: string[]) =>
  actionFuzz(session, inputLike(sample), { examples: boundaryExamples(sample), except });

/**
 * A signed action: garbage requests; a real challenge with a forged signature; and nearly-right payloads
 * validly signed with B's legal-person card, so that the handler itself meets the odd values.
 */
function signedActionFuzz(action: SignedActionName, sample: Record<string, unknown>) {
  const { schema } = signedActionRegistry.get(action)!;
  return async (endpoint: Action) => {
    const garbage = fc.oneof(hostileValue, fc.record({ payload: inputLike(sample), proof: hostileProof }, { requiredKeys: [] }));
    await actionFuzz("enterprise", garbage, { examples: [null, undefined, { payload: sample }, { proof: {} }] })(endpoint);

    const forged = fc.oneof(fc.stringMatching(/^[0-9a-f]{16,200}$/), hostileString);
    await fc.assert(
      fc.asyncProperty(forged, async (signature) => {
        signIn("enterprise");
        const real = await signRequest({ fixture: t.b, action, payload: sample });
        const request = { payload: sample, proof: { ...real.proof, signature } };
        const result = await refusalWritesNothing(() => endpoint(request), refusedAction);
        // The action's checks run before the signature is verified (they build the statement it covers): a sample
        // they refuse (no statement, e.g. another enterprise's id) is refused by them, any other by the signature.
        const refusedBy = real.statement ? /^(SIGNATURE_INVALID|INVALID_INPUT)$/ : /^[A-Z_]+$/;
        expect(result).toMatchObject({ ok: false, code: expect.stringMatching(refusedBy) });
        expectActionAnswer(result);
      }),
      { numRuns: FEW_RUNS },
    );

    const signable = (payload: unknown) => schema.safeParse(payload).success;
    await fc.assert(
      fc.asyncProperty(oneFieldOff(sample), async (payload) => {
        signIn("enterprise");
        // What the schema refuses cannot be signed as parsed; it goes with a real proof of the sample instead.
        const { proof } = await signRequest({ fixture: t.b, action, payload: signable(payload) ? payload : sample });
        expectActionAnswer(await refusalWritesNothing(() => endpoint({ payload, proof }), refusedAction));
      }),
      withExamples(HALF_RUNS, boundaryExamples(sample).filter(signable) as Record<string, unknown>[]),
    );
  };
}

/** A route's answer: never 5xx; an error is JSON whose messages are readable Chinese. */
async function expectRouteAnswer(response: Response, options: { readableErrors?: boolean } = {}) {
  expect(
    response.status,
    await response
      .clone()
      .text()
      .then((text) => text.slice(0, 300)),
  ).toBeLessThan(500);
  if (response.status < 400) {
    await response.text(); // a streamed body must also finish without an error
    return;
  }
  if (options.readableErrors === false) return;
  const body = await response.json();
  const error = body.error;
  if (typeof error === "string") expectReadable(error, "error");
  else expectReadable(error?.message, "error.message");
  for (const field of error?.fields ?? []) expectReadable(field.message, `error.fields.${field.field}`);
  for (const [field, message] of Object.entries(body.fields ?? {})) expectReadable(message, `fields.${field}`);
}

const refusedResponse = (response: Response) => response.status >= 400;

function routeFuzz<T>(
  inputs: fc.Arbitrary<T>,
  request: (input: T) => { request: Request; session?: Session; params?: Record<string, string> },
  options: { readableErrors?: boolean; except?: string[]; examples?: T[] } = {},
) {
  return (route: Route) =>
    fc.assert(
      fc.asyncProperty(inputs, async (input) => {
        const call = request(input);
        signIn(call.session ?? "anonymous");
        const context = call.params ? { params: Promise.resolve(call.params) } : undefined;
        const response = await refusalWritesNothing(() => route(call.request, context), refusedResponse, options.except);
        await expectRouteAnswer(response, options);
      }),
      withExamples(RUNS, options.examples),
    );
}

/** A URL with these query parameters (other than strings as JSON). */
function urlWith(path: string, query: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) params.append(key, typeof value === "string" ? value : toJson(value));
  return `http://localhost${path}?${params}`;
}

/** Query strings nearly like `sample`, asked by anyone, and the sample with each boundary value asked by an admin. */
function queryFuzz(path: string, sample: Record<string, string>) {
  const inputs = fc.tuple(nearly(sample), anySession);
  const examples = boundaryExamples(sample).map((query) => [query, "admin"] as [Record<string, unknown>, Session]);
  return routeFuzz(inputs, ([query, session]) => ({ request: new Request(urlWith(path, query)), session }), { examples });
}

const anySession = fc.constantFrom<Session>("enterprise", "admin", "anonymous");

/** A POST body: JSON of anything or of a nearly right request, or bytes that are no JSON at all. */
const hostileBody = (sample: Record<string, unknown>) =>
  fc.oneof(
    inputLike(sample).map(toJson),
    hostileString,
    fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes).toString("latin1")),
    fc.constantFrom("{", "[]", "null", '{"requestId":', "\u0000", '{"__proto__":{"x":1}}'),
  );

const SAMPLE_REQUEST_ID = "req-fuzz";

function ingestion(sample: Record<string, unknown>) {
  const inputs = fc.record({
    body: hostileBody(sample),
    token: fc.oneof(fc.constant("valid"), fc.constant(undefined), hostileString),
    contentType: fc.oneof(fc.constant("application/json"), hostileString),
  });
  const examples = boundaryExamples(sample).map((body) => ({
    body: toJson(body),
    token: "valid" as string | undefined,
    contentType: "application/json",
  }));
  let requests = 0;
  const fuzz = routeFuzz(
    inputs,
    ({ body, token, contentType }) => {
      // A request id is answered once (a retry is replayed): each run gets its own unless it fuzzes the id.
      const fresh = body.replaceAll(`"requestId":"${SAMPLE_REQUEST_ID}"`, `"requestId":"req-fuzz-${++requests}-${Date.now()}"`);
      const headers = new Headers();
      const set = (name: string, value: string) => {
        try {
          headers.set(name, value);
        } catch {
          // not a valid header value: the request goes without it, as fetch would refuse to send it
        }
      };
      set("content-type", contentType);
      if (token !== undefined) set("authorization", `Bearer ${token === "valid" ? upstreamToken : token}`);
      return { request: new Request("http://localhost/api/ingest", { method: "POST", headers, body: fresh }) };
    },
    { examples },
  );
  return async (route: Route) => {
    const accepted = await db.ingestionRequest.count();
    await fuzz(route);
    expect(await db.ingestionRequest.count(), "some nearly-right requests are right, so the checks behind the schema ran").toBeGreaterThan(accepted);
  };
}

const today = () => shanghaiDay();
/** A manual row as the ingestion API takes it (docs/ingestion-api.md), its optional fields but one left out. */
const ingestedRow = (gdsSeqno: number) => ({
  gdsSeqno,
  gdsMtno: `M${gdsSeqno}`,
  gdecd: "8542319000",
  gdsNm: "集成电路",
  dclUnitcd: "007",
  lawfUnitcd: "007",
  dclQty: 10,
});
const subscribeSample = () => ({
  clientId: t.b.client.clientId,
  stockEnabled: true,
  incrementalEnabled: false,
  stockEmsNo: ownManual.emsNo,
  pushMaterials: true,
  pushProducts: false,
  materialFrom: "1",
  materialTo: "3",
  productFrom: "",
  productTo: "",
  incrementalEmsNo: "",
  validUntil: addYearsToDay(today(), 1),
});

interface Case {
  /** Why the answer may be other than readable Chinese JSON (a library's or an operator's endpoint). */
  notChinese?: string;
  fuzz: (endpoint: never) => Promise<unknown>;
}

// Samples are B's own valid values, so that nearly-right inputs reach the checks behind the first one; they
// are built lazily because the tenants exist only once beforeAll has run.
const cases: Record<string, Case> = {
  "lib/actions/admin/approve-manual-change.ts#approveManualChangeAction": {
    fuzz: (action: Action) => actionFuzzLike("admin", { manualChangeId: t.change.id + 1_000 })(action),
  },
  "lib/actions/admin/reject-manual-change.ts#rejectManualChangeAction": {
    fuzz: (action: Action) => actionFuzzLike("admin", { manualChangeId: t.change.id + 1_000, reason: "资料不全" })(action),
  },
  "lib/actions/admin/register-card.ts#registerCardAction": {
    fuzz: (action: Action) =>
      actionFuzzLike("admin", {
        customsCode: t.b.enterprise.customsCode,
        cardNo: t.b.legalCard.cardNo,
        kind: "OPERATOR",
        holder: "张三",
        publicKey: t.b.legalCard.publicKey,
      })(action),
  },
  "lib/actions/admin/revoke-card.ts#revokeCardAction": {
    // A card no one has, so that a sample that gets through revokes no card the other cases sign with.
    fuzz: (action: Action) => actionFuzzLike("admin", { cardNo: "8699999999990", reason: "挂失" })(action),
  },
  "lib/actions/admin/set-user-disabled.ts#setUserDisabledAction": {
    // An account no one has, so that a sample that gets through disables no one the other cases sign in as.
    fuzz: (action: Action) => actionFuzzLike("admin", { accountCode: "SW99999990", disabled: true })(action),
  },
  "lib/actions/account/change-password.ts#changePasswordAction": {
    // A wrong current password is counted by the sign-in throttle (and soon blocked, in words the user reads).
    fuzz: (action: Action) =>
      actionFuzzLike("enterprise", { currentPassword: "不是这个口令1", newPassword: "Abcdefg12345", confirmPassword: "Abcdefg12345" }, [
        "SignInThrottle",
      ])(action),
  },
  CLIENT_BIND: {
    fuzz: (action: Action) => signedActionFuzz("CLIENT_BIND", { clientId: t.b.client.clientId, cardNo: t.b.operatorCard.cardNo })(action),
  },
  CLIENT_ENDPOINT: {
    fuzz: (action: Action) => signedActionFuzz("CLIENT_ENDPOINT", { clientId: t.b.client.clientId, endpointUrl: "https://203.0.113.7/push" })(action),
  },
  "lib/actions/import-clients/get-test-message-status.ts#getTestMessageStatusAction": {
    fuzz: (action: Action) => actionFuzzLike("enterprise", { messageId: t.testMessageId })(action),
  },
  CLIENT_REGISTER: {
    fuzz: (action: Action) => signedActionFuzz("CLIENT_REGISTER", { name: "备用", endpointUrl: "https://203.0.113.7/push" })(action),
  },
  CLIENT_RESUME: {
    fuzz: (action: Action) => signedActionFuzz("CLIENT_RESUME", { clientId: t.b.client.clientId })(action),
  },
  CLIENT_DELIVERY_MODE: {
    // B's client is in 推送 mode, so the sample, validly signed, switches it: a write on valid input.
    fuzz: (action: Action) => signedActionFuzz("CLIENT_DELIVERY_MODE", { clientId: t.b.client.clientId, deliveryMode: "PULL" })(action),
  },
  "lib/actions/import-clients/send-test-message.ts#sendTestMessageAction": {
    // The sample is A's client, so that a valid-looking request is refused rather than sending a message.
    fuzz: (action: Action) => actionFuzzLike("enterprise", { clientId: t.client.clientId })(action),
  },
  CLIENT_UNBIND: {
    fuzz: (action: Action) => signedActionFuzz("CLIENT_UNBIND", { clientId: t.b.client.clientId })(action),
  },
  "lib/actions/pushes/get-message-detail.ts#getMessageDetailAction": {
    fuzz: (action: Action) => actionFuzzLike("enterprise", { messageId: t.dataMessageId })(action),
  },
  RESEND: {
    fuzz: async (action: Action) => {
      await signedActionFuzz("RESEND", { messageIds: [t.dataMessageId] })(action);
      await signedActionFuzz("RESEND", { failedOf: { emsNo: t.manual.emsNo, from: today(), to: today() } })(action);
    },
  },
  "lib/actions/signing/request-challenge.ts#requestChallengeAction": {
    // A nearly-right request may be valid and get its challenge (a write on valid input); refusals write nothing.
    fuzz: (action: Action) => {
      const samples: { action: string; payload: Record<string, unknown> }[] = [
        { action: "SUBSCRIBE", payload: subscribeSample() },
        { action: "CANCEL", payload: { subscriptionId: t.subscription.id } },
        { action: "EXTEND", payload: { subscriptionId: t.subscription.id, validUntil: today() } },
        { action: "RESEND", payload: { messageIds: [t.dataMessageId] } },
        { action: "RESEND", payload: { failedOf: { emsNo: t.manual.emsNo, from: today(), to: today() } } },
        { action: "CLIENT_REGISTER", payload: { name: "备用", endpointUrl: "https://203.0.113.7/push" } },
        { action: "CLIENT_BIND", payload: { clientId: t.b.client.clientId, cardNo: t.b.operatorCard.cardNo } },
        { action: "CLIENT_ENDPOINT", payload: { clientId: t.b.client.clientId, endpointUrl: "https://203.0.113.7/push" } },
        { action: "CLIENT_RESUME", payload: { clientId: t.b.client.clientId } },
        { action: "CLIENT_DELIVERY_MODE", payload: { clientId: t.b.client.clientId, deliveryMode: "PULL" } },
      ];
      const requests = fc.oneof(
        hostileValue,
        fc.record({ action: fc.oneof(fc.constantFrom(...samples.map((sample) => sample.action)), hostileString), payload: hostileValue }),
        ...samples.map((sample) => fc.record({ action: fc.constant(sample.action), payload: nearly(sample.payload) })),
      );
      // SUBSCRIBE's boundaries are the subscribe action's (the same rules run before signing and after).
      const examples = samples
        .filter((sample) => sample.action !== "SUBSCRIBE")
        .flatMap((sample) => boundaryExamples(sample.payload).map((payload) => ({ action: sample.action, payload })));
      return actionFuzz("enterprise", requests, { examples })(action);
    },
  },
  CANCEL: {
    fuzz: (action: Action) => signedActionFuzz("CANCEL", { subscriptionId: t.subscription.id })(action),
  },
  EXTEND: {
    fuzz: (action: Action) => signedActionFuzz("EXTEND", { subscriptionId: t.subscription.id, validUntil: today() })(action),
  },
  SUBSCRIBE: {
    fuzz: (action: Action) => signedActionFuzz("SUBSCRIBE", subscribeSample())(action),
  },
  "app/actions/preferences.ts#setLocaleAction": {
    notChinese: "answers { ok } only; the page reloads in the chosen language",
    fuzz: (action: Action) =>
      fc.assert(
        fc.asyncProperty(hostileValue, async (locale) => {
          signIn("enterprise");
          const before = await dbFingerprint(db);
          expect(await action(locale)).toEqual({ ok: locale === "zh-CN" || locale === "en" });
          expect(await dbFingerprint(db)).toEqual(before);
        }),
        { numRuns: RUNS },
      ),
  },
  "app/actions/sign-out.ts#signOutAction": {
    notChinese: "takes no input and answers with Next.js's redirect to /login",
    fuzz: (action: Action) =>
      fc.assert(
        fc.asyncProperty(hostileValue, anySession, async (input, session) => {
          signIn(session);
          const before = await dbFingerprint(db);
          const thrown = await action(input).then(
            () => null,
            (error: unknown) => error,
          );
          expect(thrown).toMatchObject({ digest: expect.stringMatching(/^NEXT_REDIRECT;\w+;(https?:\/\/localhost)?\/login;/) });
          expect(await dbFingerprint(db)).toEqual(before);
        }),
        { numRuns: FEW_RUNS },
      ),
  },
  "app/(auth)/login/actions.ts#signInAction": {
    fuzz: (action: Action) => actionFuzzLike("anonymous", { accountCode: t.b.user.accountCode, password: "不是这个口令" }, SIGN_IN_COUNTS)(action),
  },
  "app/api/admin/export/push-messages/route.ts#GET": {
    fuzz: (route: Route) =>
      queryFuzz("/api/admin/export/push-messages", {
        customsCode: t.a.enterprise.customsCode,
        emsNo: t.manual.emsNo,
        messageId: t.dataMessageId,
        type: "STOCK",
        status: "FAILED",
        subscriptionId: String(t.subscription.id),
        dateFrom: today(),
        dateTo: today(),
      })(route),
  },
  "app/api/admin/export/subscriptions/route.ts#GET": {
    fuzz: (route: Route) =>
      queryFuzz("/api/admin/export/subscriptions", {
        customsCode: t.a.enterprise.customsCode,
        emsNo: t.manual.emsNo,
        kind: "INCREMENTAL",
        status: "ACTIVE",
        dateFrom: today(),
        dateTo: today(),
      })(route),
  },
  "app/api/auth/[...nextauth]/route.ts#GET": {
    notChinese: "Auth.js's own endpoints answer in Auth.js's words; the sign-in page shows ours",
    fuzz: (route: Route) =>
      routeFuzz(
        fc.tuple(fc.constantFrom("session", "csrf", "providers", "signin", "signout", "callback/credentials", "error"), hostileString),
        ([action, extra]) => ({ request: new Request(`http://localhost/api/auth/${action}?${new URLSearchParams({ x: extra, error: extra })}`) }),
        { readableErrors: false },
      )(route),
  },
  "app/api/auth/[...nextauth]/route.ts#POST": {
    notChinese: "Auth.js's own endpoints answer in Auth.js's words; the sign-in page shows ours",
    fuzz: (route: Route) =>
      routeFuzz(
        fc.tuple(
          fc.constantFrom("callback/credentials", "signin/credentials", "signout", "session"),
          hostileBody({ accountCode: "SW00000000", password: "x", csrfToken: "x" }),
        ),
        ([action, body]) => ({
          request: new Request(`http://localhost/api/auth/${action}`, {
            method: "POST",
            headers: { "content-type": "application/x-www-form-urlencoded" },
            body,
          }),
        }),
        { readableErrors: false, except: SIGN_IN_COUNTS },
      )(route),
  },
  "app/api/health/route.ts#GET": {
    fuzz: (route: Route) => queryFuzz("/api/health", { x: "1" })(route),
  },
  "app/api/ready/route.ts#GET": {
    fuzz: (route: Route) => queryFuzz("/api/ready", { x: "1" })(route),
  },
  "app/api/platform-key/route.ts#GET": {
    fuzz: (route: Route) => queryFuzz("/api/platform-key", { format: "pem" })(route),
  },
  "app/api/metrics/route.ts#GET": {
    notChinese: "an operator's endpoint for Prometheus: plain-text answers naming METRICS_TOKEN, like the configuration errors",
    fuzz: (route: Route) =>
      routeFuzz(
        fc.oneof(hostileString, fc.constant(`Bearer ${process.env.METRICS_TOKEN}`)),
        (authorization) => {
          const headers = new Headers();
          try {
            headers.set("authorization", authorization);
          } catch {
            /* not a valid header value: sent without it */
          }
          return { request: new Request("http://localhost/api/metrics", { headers }) };
        },
        { readableErrors: false },
      )(route),
  },
  "app/api/ingest/changes/route.ts#POST": {
    fuzz: (route: Route) =>
      ingestion({
        requestId: SAMPLE_REQUEST_ID,
        emsNo: t.manual.emsNo,
        chgTmsCnt: 2,
        headChanges: { dclEtpsNm: "申报企业" },
        materialChanges: [
          { modfMarkcd: "2", gdsSeqno: 1 },
          { modfMarkcd: "3", ...ingestedRow(9) },
        ],
      })(route),
  },
  "app/api/ingest/manuals/route.ts#POST": {
    fuzz: (route: Route) =>
      ingestion({
        requestId: SAMPLE_REQUEST_ID,
        head: {
          emsNo: ownManual.emsNo,
          bizopEtpsno: t.b.enterprise.customsCode,
          bizopEtpsNm: "经营企业",
          rcvgdEtpsno: t.b.enterprise.customsCode,
          rcvgdEtpsNm: "加工单位",
          masterCuscd: "3201",
          dclTypecd: "1",
          finishValidDate: "20301231",
          putrecApprTime: "2025-03-05 14:02:11",
          chgTmsCnt: 0,
        },
        // Products are rows of the same shape (one schema), so one material row covers both.
        materials: [ingestedRow(1)],
      })(route),
  },
  "app/api/admin/push-messages/[messageId]/xml/route.ts#GET": {
    fuzz: (route: Route) =>
      routeFuzz(
        fc.tuple(fc.oneof(hostileString, fc.constant(t.dataMessageId)), anySession),
        ([messageId, session]) => ({
          request: new Request("http://localhost/api/admin/push-messages/x/xml"),
          session,
          params: { messageId },
        }),
        { examples: boundaryExamples(t.dataMessageId).map((messageId) => [String(messageId), "admin"] as [string, Session]) },
      )(route),
  },
  ...Object.fromEntries(
    (["messages", "ack", "manifest", "fetch"] as const).map((name) => [
      `app/api/pull/v1/${name}/route.ts#POST`,
      {
        // Issue 20: B's client, validly signed or not, in 拉取 mode so that its bodies reach the route's own checks.
        fuzz: (route: Route) =>
          inPullMode(t.b, async () => {
            const path = `/api/pull/v1/${name}`;
            await pullRouteFuzz({ path, sample: PULL_SAMPLES[path](t.dataMessageId), signer: () => pullSignerOf(t.b), runs: HALF_RUNS })(route);
            const unbound = await unboundSigner(t.b);
            await pullAuthenticationRefusals({ route, path, payload: PULL_SAMPLES[path](t.dataMessageId), signer: pullSignerOf(t.b), unbound });
          }),
      },
    ]),
  ),
  "app/api/pushes/[messageId]/xml/route.ts#GET": {
    fuzz: (route: Route) =>
      routeFuzz(
        fc.tuple(fc.oneof(hostileString, fc.constant(t.dataMessageId)), anySession),
        ([messageId, session]) => ({
          request: new Request("http://localhost/api/pushes/x/xml"),
          session,
          params: { messageId },
        }),
        { examples: boundaryExamples(t.dataMessageId).map((messageId) => [String(messageId), "enterprise"] as [string, Session]) },
      )(route),
  },
};

describe("input fuzzing (issue 9)", () => {
  test("every server action and API route found in the source tree has a case, and every case an endpoint", () => {
    expect(Object.keys(cases).sort()).toEqual([...endpoints.keys()].sort());
  });

  test("every signed action of the registry has its case, keyed by its name, and a server action serving it", () => {
    for (const name of signedActionNames) expect(endpoints.has(name), name).toBe(true);
  });

  test.each(Object.keys(cases).sort())("%s", async (key) => {
    const endpoint = endpoints.get(key);
    expect(endpoint, "no such action or route").toBeDefined();
    await cases[key].fuzz(endpoint as never);
  });
});
