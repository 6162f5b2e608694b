// The standalone import client (npm run build:import-client, docs/delivery-protocol.md B.8): one file, run with
// plain node from a folder without the portal's source or node_modules, delivers in both modes with verification
// on its thread: pulled messages stored and acknowledged; a pushed message stored, a forged one refused.
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { sm2KeyPair } from "@/lib/crypto/sm2";
import { db } from "@/lib/db/client";
import { freeLoopbackPort } from "@/lib/db/free-port";
import { stopSender } from "@/lib/jobs/send";
import { getPlatformKeyPair } from "@/lib/signing/platform-key";
import { signPlatformHeaders } from "@/lib/signing/platform";
import { createEnterprise } from "../support/factories";
import { waitFor } from "../support/push-harness";
import { buildIncrementMessages, storeMessages } from "../support/increment-messages";
import { pullArgs, startClientProcess } from "../../scripts/bench/pull-client-process";
import { startPullPortal } from "../../scripts/bench/pull-portal";

process.env.PLATFORM_SM2_PRIVATE_KEY ??= sm2KeyPair().privateKey;
let portal: Awaited<ReturnType<typeof startPullPortal>>;
const inbox = mkdtempSync(path.join(tmpdir(), "sw-bundle-inbox-"));

beforeAll(async () => {
  portal = await startPullPortal();
});
afterAll(async () => {
  await portal.close();
  await stopSender();
  rmSync(inbox, { recursive: true, force: true });
});

/** Polls until `check` holds (waitFor of the push harness); fails the test if it never does. */
const until = async (check: () => Promise<boolean>, timeoutMs = 30_000) => expect(await waitFor(check, (done) => done, timeoutMs)).toBe(true);

test("pull mode: the bundle pulls, verifies on its thread, stores and acknowledges", async () => {
  const fixture = await createEnterprise(db);
  await db.importClient.update({ where: { id: fixture.client.id }, data: { deliveryMode: "PULL" } });
  const messages = await buildIncrementMessages(db, fixture, 3);
  await storeMessages(db, messages);
  const platformPublicKey = getPlatformKeyPair().publicKey;
  const client = await startClientProcess(
    pullArgs({ portalUrl: portal.url, clientId: fixture.client.clientId, privateKey: fixture.legalCard.privateKey, inbox, platformPublicKey }),
  );
  try {
    await until(async () => (await db.pushMessage.count({ where: { importClientId: fixture.client.id, dispatchStatus: "DELIVERED" } })) === 3);
  } finally {
    client.child.kill("SIGTERM");
  }
  expect(await client.exited, client.output()).toEqual({ code: 0, signal: null });
  expect(readdirSync(path.join(inbox, messages[0].emsNo!)).sort()).toEqual(messages.map((m) => `${m.messageId}.xml`).sort());
});

test("push mode: the bundle stores a signed POST and refuses a forged one", async () => {
  const port = await freeLoopbackPort();
  const client = await startClientProcess(["--port", String(port), "--inbox", inbox, "--platform-public-key", getPlatformKeyPair().publicKey]);
  try {
    await until(async () => client.output().includes("listening"));
    const fixture = await createEnterprise(db);
    const [message] = await buildIncrementMessages(db, fixture, 1);
    const post = (headers: Record<string, string>) =>
      fetch(`http://127.0.0.1:${port}/push`, { method: "POST", headers: { "content-type": "application/xml", ...headers }, body: message.body });
    const signed = signPlatformHeaders({ messageId: message.messageId, body: message.body });
    expect(await (await post(signed)).json()).toEqual({ messageId: message.messageId, status: "stored" });
    expect((await post({ ...signed, "X-SW-Signature": signed["X-SW-Signature"].replace(/.$/, (c) => (c === "0" ? "1" : "0")) })).status).toBe(401);
  } finally {
    client.child.kill("SIGTERM");
  }
  expect((await client.exited).code).toBe(0);
});
