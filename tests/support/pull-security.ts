// Security cases of the pull API for the tenant-isolation and input-fuzzing suites (issue 20): hostile bodies and
// headers through every pull route, and the refusals with their stable codes — a forged signature, a replayed
// nonce, a stale timestamp, an unbound client, another client's id or messages. A refused request changes nothing
// but the nonce it used (the nonce is stored once its signature verifies, so that it cannot be used again).
import fc from "fast-check";
import { expect } from "vitest";
import { db } from "@/lib/db/client";
import { PULL_PATHS } from "@/lib/pull/protocol";
import { dbFingerprint } from "./db-fingerprint";
import { hostileString, inputLike, toJson } from "./hostile-input";
import { signedPullRequest, type PullSigner } from "./pull-requests";

type Route = (request: Request) => Promise<Response>;

export const NONCES = { except: ["PullNonce"] };

/** Calls the route; it answers `status` with `code` and the database is as it was (but for nonces). */
export async function pullRefused(route: Route, request: Request, status: number, code: string) {
  const before = await dbFingerprint(db, NONCES);
  const response = await route(request);
  expect({ status: response.status, body: await response.json() }).toMatchObject({ status, body: { error: { code } } });
  expect(await dbFingerprint(db, NONCES)).toEqual(before);
}

/** The request as sent; its signal aborted so that a valid long poll answers at once instead of waiting. */
const answeredAtOnce = (request: Request) => new Request(request, { signal: AbortSignal.abort() });

/**
 * Hostile bodies validly signed, and valid bodies with hostile headers: never a 5xx, a refusal writes nothing,
 * and every refusal carries a documented code.
 */
export function pullRouteFuzz(options: { path: string; sample: Record<string, unknown>; signer: () => PullSigner; runs: number }) {
  return async (route: Route) => {
    const headerParts = fc.record({
      timestamp: fc.oneof(fc.constant(undefined), fc.integer({ min: -1, max: 2 ** 48 })),
      nonce: fc.oneof(fc.constant(undefined), hostileString),
      signature: fc.oneof(fc.constant(undefined), fc.stringMatching(/^[0-9a-f]{16,200}$/), hostileString),
      headerClientId: fc.oneof(fc.constant(undefined), hostileString),
    });
    const bodies = fc.oneof(inputLike(options.sample).map(toJson), hostileString, fc.constantFrom("{", "[]", "null", "\u0000"));
    await fc.assert(
      fc.asyncProperty(bodies, headerParts, async (rawBody, headers) => {
        let request: Request;
        try {
          request = signedPullRequest({ signer: options.signer(), path: options.path, payload: null, rawBody, ...headers });
        } catch {
          return; // a header value fetch itself would refuse to send
        }
        const before = await dbFingerprint(db, NONCES);
        const response = await route(answeredAtOnce(request));
        expect(response.status, await response.clone().text()).toBeLessThan(500);
        if (response.status >= 400) {
          expect((await response.json()).error.code).toMatch(/^[A-Z_]+$/);
          expect(await dbFingerprint(db, NONCES)).toEqual(before);
        } else {
          await response.text();
        }
      }),
      { numRuns: options.runs },
    );
  };
}

/** Forged, replayed, stale and unbound: each refused with its code, nothing changed. */
export async function pullAuthenticationRefusals(options: { route: Route; path: string; payload: object; signer: PullSigner; unbound: PullSigner }) {
  const { route, path, payload, signer } = options;
  await pullRefused(
    route,
    signedPullRequest({ signer, path, payload, signature: "3045022100" + "ab".repeat(32) + "0220" + "cd".repeat(32) }),
    401,
    "AUTH_FAILED",
  );
  // The signature covers the body: the same headers over another body do not verify.
  const signed = signedPullRequest({ signer, path, payload });
  const tampered = new Request(signed, { body: JSON.stringify({ ...payload, tampered: true }) });
  await pullRefused(route, tampered, 401, "AUTH_FAILED");
  await pullRefused(route, signedPullRequest({ signer, path, payload, timestamp: Date.now() - 10 * 60_000 }), 401, "STALE_TIMESTAMP");
  const nonce = `replayed-${Date.now()}-nonce`;
  const first = await route(answeredAtOnce(signedPullRequest({ signer, path, payload, nonce })));
  expect(first.status).toBeLessThan(500);
  await first.text();
  await pullRefused(route, signedPullRequest({ signer, path, payload, nonce }), 401, "NONCE_REUSED");
  await pullRefused(route, signedPullRequest({ signer: options.unbound, path, payload }), 403, "CLIENT_NOT_BOUND");
}

export const PULL_SAMPLES: Record<string, (messageId: string) => Record<string, unknown>> = {
  [PULL_PATHS.messages]: () => ({ max: 10, waitSeconds: 0, leaseSeconds: 60 }),
  [PULL_PATHS.ack]: (messageId) => ({ messageIds: [messageId] }),
  [PULL_PATHS.fetch]: (messageId) => ({ messageIds: [messageId] }),
  [PULL_PATHS.manifest]: () => ({ from: new Date(Date.now() - 3_600_000).toISOString(), to: new Date().toISOString() }),
};

type Tenant = { client: { id: number; clientId: string }; legalCard: { privateKey: string; publicKey: string } };

/** For the duration of `work`, B's client in 拉取 mode, so that its requests reach the routes' own checks. */
export async function inPullMode<T>(tenant: Tenant, work: () => Promise<T>): Promise<T> {
  await db.importClient.update({ where: { id: tenant.client.id }, data: { deliveryMode: "PULL" } });
  try {
    return await work();
  } finally {
    await db.importClient.update({ where: { id: tenant.client.id }, data: { deliveryMode: "PUSH" } });
  }
}

/** An import client of the tenant's enterprise with no card medium bound. */
export async function unboundSigner(tenant: Tenant & { enterprise: { id: number } }): Promise<PullSigner> {
  const clientId = `${tenant.client.clientId.slice(0, 8)}U${Date.now() % 10}`;
  await db.importClient.upsert({
    where: { clientId },
    create: { clientId, enterpriseId: tenant.enterprise.id, name: "未绑卡客户端", endpointUrl: "http://127.0.0.1:9/push" },
    update: {},
  });
  return { clientId, privateKey: tenant.legalCard.privateKey, publicKey: tenant.legalCard.publicKey };
}

/**
 * B, signing as its own client with its own card, on A's client and A's message: claiming A's client id does not
 * verify, A's message is unknown to B's client, and nothing B reads holds it.
 */
export async function pullIsolation(options: { route: Route; path: string; a: Tenant; b: Tenant; aMessageId: string }) {
  const { route, path, a, b, aMessageId } = options;
  const signer: PullSigner = { clientId: b.client.clientId, privateKey: b.legalCard.privateKey, publicKey: b.legalCard.publicKey };
  const payload = PULL_SAMPLES[path](aMessageId);
  await inPullMode(b, async () => {
    await pullRefused(route, signedPullRequest({ signer, path, payload, headerClientId: a.client.clientId }), 401, "AUTH_FAILED");
    if (path === PULL_PATHS.ack || path === PULL_PATHS.fetch) {
      await pullRefused(route, signedPullRequest({ signer, path, payload }), 404, "UNKNOWN_MESSAGES");
      return;
    }
    const before = await dbFingerprint(db, NONCES);
    const response = await route(answeredAtOnce(signedPullRequest({ signer, path, payload })));
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).not.toContain(aMessageId);
    expect(text).not.toContain(a.client.clientId);
    expect(await dbFingerprint(db, NONCES)).toEqual(before);
  });
}
