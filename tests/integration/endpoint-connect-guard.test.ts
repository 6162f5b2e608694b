// Server-side request forgery: import-client endpoints are decided when the platform connects
// (lib/pushes/endpoint-agent.ts), not only when they are saved. A loopback HTTP server stands in for a local
// service the platform must not reach; the test resolver decides what names resolve to (93.184.216.34 is never
// connected to).
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, test } from "vitest";
import { db } from "@/lib/db/client";
import { setEndpointNetwork } from "@/lib/security/endpoint-addresses";
import { sendTestMessage } from "@/lib/import-clients/send-test-message";
import { getTestMessageStatus } from "@/lib/import-clients/test-message-status";
import { stockDispatchJob } from "@/lib/jobs/definitions/stock-dispatch";
import { sendJob } from "@/lib/jobs/send";
import { postPushMessage } from "@/lib/pushes/post-message";
import { changeEndpoint } from "../support/client-actions";
import { createEnterprise, createManual, createStockSubscription } from "../support/factories";
import { setUpPushHarness, waitFor } from "../support/push-harness";

type Fixture = Awaited<ReturnType<typeof createEnterprise>>;
const harness = setUpPushHarness({ retrySchedule: "1" });
const SECRET = "INTERNAL-ONLY root:x:0:0";
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A local service: answers 200 with a secret, and records every connection and request it gets. */
async function startLocalService() {
  const requests: string[] = [];
  const connections: { localAddress?: string; remotePort?: number }[] = [];
  const server = createServer((request, response) => {
    requests.push(`${request.method} ${request.url}`);
    request.resume().on("end", () => response.end(SECRET));
  });
  server.on("connection", (socket) => connections.push({ localAddress: socket.localAddress, remotePort: socket.remotePort }));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  cleanups.push(
    () =>
      new Promise((resolve) => {
        server.close(resolve);
        server.closeAllConnections();
      }),
  );
  return { port: (server.address() as AddressInfo).port, requests, connections, dropConnections: () => server.closeAllConnections() };
}

/** A name whose answer the test changes; counts the lookups. */
function useResolver(initial: string) {
  const state = { answer: initial, lookups: 0 };
  cleanups.push(setEndpointNetwork({ resolve: async () => (state.lookups++, [state.answer]) }));
  return state;
}

function useProduction(options: { allowPrivate?: boolean } = {}) {
  const saved = {
    APP_MODE: process.env.APP_MODE,
    CLIENT_ENDPOINT_ALLOW_PRIVATE: process.env.CLIENT_ENDPOINT_ALLOW_PRIVATE,
    AUTH_SECRET: process.env.AUTH_SECRET,
  };
  Object.assign(process.env, {
    APP_MODE: "production",
    CLIENT_ENDPOINT_ALLOW_PRIVATE: String(options.allowPrivate ?? false),
    AUTH_SECRET: saved.AUTH_SECRET ?? "s".repeat(32),
  });
  cleanups.push(() => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });
}

async function testMessageResult(fixture: Fixture) {
  const scope = { enterpriseId: fixture.enterprise.id };
  const { messageId } = await sendTestMessage({
    db,
    scope,
    actor: { userId: fixture.user.id, accountCode: fixture.user.accountCode },
    clientId: fixture.client.clientId,
  });
  return waitFor(
    () => getTestMessageStatus({ db, scope, messageId }),
    (m) => m.dispatchStatus !== "PENDING",
  );
}

/** A one-part stock push (delivered by the worker's dispatch itself); resolves after its first attempt. */
async function firstDataAttempt(fixture: Fixture) {
  const manual = await createManual(db, { processingUnitCode: fixture.enterprise.customsCode, materials: 3 });
  const subscription = await createStockSubscription(db, fixture, manual, { materials: { from: 1, to: 3 } });
  await sendJob(stockDispatchJob, { subscriptionId: subscription.id });
  const attempt = () => db.deliveryAttempt.findFirst({ where: { pushMessage: { subscriptionId: subscription.id } }, orderBy: { attemptNo: "asc" } });
  return (await waitFor(attempt, (a) => a !== null))!;
}

describe("connect-time endpoint check in production", () => {
  test("DNS rebinding: a name public when saved, loopback when delivered to, is refused for test and data messages; the local service gets nothing", async () => {
    const service = await startLocalService();
    const resolver = useResolver("93.184.216.34");
    useProduction();
    const fixture = await createEnterprise(db);
    const endpointUrl = `http://rebind.test:${service.port}/push`;
    expect(await changeEndpoint(fixture, { clientId: fixture.client.clientId, endpointUrl })).toMatchObject({ ok: true });

    resolver.answer = "127.0.0.1";
    const reason = "ADDRESS_REFUSED: rebind.test resolves to 127.0.0.1, not public";
    const result = await testMessageResult(fixture);
    expect(result).toMatchObject({ dispatchStatus: "FAILED", endpointUrl });
    expect(result.attempts).toMatchObject([{ attemptNo: 1, delivered: false, httpStatus: null, error: reason }]);
    expect(JSON.stringify(result)).not.toContain("INTERNAL-ONLY");

    expect(await firstDataAttempt(fixture)).toMatchObject({ delivered: false, httpStatus: null, error: reason });
    expect(service.connections).toEqual([]);
    expect(service.requests).toEqual([]);
  });

  test("an endpoint stored before the rule (written straight into the database) at 127.0.0.1 is refused at delivery", async () => {
    const service = await startLocalService();
    useProduction();
    const fixture = await createEnterprise(db);
    await db.importClient.update({ where: { id: fixture.client.id }, data: { endpointUrl: `http://127.0.0.1:${service.port}/push` } });

    const result = await testMessageResult(fixture);
    expect(result.attempts).toMatchObject([{ delivered: false, httpStatus: null, error: "ADDRESS_REFUSED: 127.0.0.1 is not public" }]);
    expect(await firstDataAttempt(fixture)).toMatchObject({ delivered: false, error: "ADDRESS_REFUSED: 127.0.0.1 is not public" });
    expect(service.connections).toEqual([]);
  });

  test("a name resolving to one of this host's own (public) addresses is refused before connecting", async () => {
    cleanups.push(setEndpointNetwork({ resolve: async () => ["93.184.216.40"], hostAddresses: () => ["127.0.0.1", "93.184.216.40"] }));
    useProduction();
    const outcome = await postPushMessage({ endpointUrl: "https://self.test/push", messageId: "T0000000000000000001", body: "<x/>" });
    expect(outcome).toMatchObject({ delivered: false, httpStatus: null, error: "ADDRESS_REFUSED: self.test resolves to 93.184.216.40, not public" });
  });
});

describe("where private endpoints are allowed", () => {
  test("the name is resolved once per new connection and the socket goes to exactly the address checked", async () => {
    const service = await startLocalService();
    const resolver = useResolver("127.0.0.1");
    const post = () => postPushMessage({ endpointUrl: `http://rebind.test:${service.port}/push`, messageId: "T0000000000000000002", body: "<x/>" });

    expect(await post()).toMatchObject({ delivered: true, httpStatus: 200 });
    expect(await post()).toMatchObject({ delivered: true, httpStatus: 200 });
    // Kept alive: one connection, one lookup. ("rebind.test" does not resolve anywhere else, so a second lookup
    // by the system resolver could not have reached the service.)
    expect(resolver.lookups).toBe(1);
    expect(service.connections).toEqual([{ localAddress: "127.0.0.1", remotePort: expect.any(Number) }]);
    expect(service.requests).toEqual(["POST /push", "POST /push"]);

    service.dropConnections();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await post()).toMatchObject({ delivered: true });
    expect(resolver.lookups).toBe(2);
    expect(service.connections).toHaveLength(2);
  });

  test("in production with CLIENT_ENDPOINT_ALLOW_PRIVATE=true an intranet client is delivered to", async () => {
    const fixture = await createEnterprise(db);
    useProduction({ allowPrivate: true });
    await harness.routeTo(db, fixture.client.id);
    expect((await testMessageResult(fixture)).dispatchStatus).toBe("DELIVERED");
  });
});
