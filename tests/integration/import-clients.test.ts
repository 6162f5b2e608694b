// 导入客户端管理 (issue 10) through the signed action path, against real PostgreSQL: registering, the card
// medium, the endpoint, and that only the owning enterprise sees or changes a client.
import { afterEach, beforeAll, describe, expect, test } from "vitest";
import { db } from "@/lib/db/client";
import { listImportClients } from "@/lib/import-clients/list";
import { sendTestMessage } from "@/lib/import-clients/send-test-message";
import { listBoundClients } from "@/lib/subscriptions/list";
import { bindCard, changeEndpoint, registerClient, resumeClient, unbindCard } from "../support/client-actions";
import { createEnterprise } from "../support/factories";

type Fixture = Awaited<ReturnType<typeof createEnterprise>>;

let a: Fixture;
let b: Fixture;
beforeAll(async () => {
  a = await createEnterprise(db);
  b = await createEnterprise(db);
});

const clientRow = (id: number) => db.importClient.findUniqueOrThrow({ where: { id } });
const auditCount = (enterpriseId: number) => db.auditLog.count({ where: { enterpriseId, outcome: "OK" } });

/** A fresh unbound client of `fixture`, registered through the signed action. */
async function registered(fixture: Fixture) {
  const result = await registerClient(fixture, { name: "备用客户端", endpointUrl: "http://127.0.0.1:8787/push" });
  if (!result.ok) throw new Error(result.error);
  return db.importClient.findUniqueOrThrow({ where: { clientId: result.clientId } });
}

describe("register", () => {
  test("the platform assigns a 10-character 客户端ID in the enterprise's customs area; signed and audited", async () => {
    const result = await registerClient(a, { name: " 生产系统二号 ", endpointUrl: "https://client.example.com/push" });
    expect(result).toMatchObject({ ok: true, clientId: expect.stringMatching(new RegExp(`^${a.enterprise.customsCode.slice(0, 4)}\\d{6}$`)) });
    const clientId = (result as { clientId: string }).clientId;
    const client = await db.importClient.findUniqueOrThrow({ where: { clientId } });
    expect(client).toMatchObject({
      enterpriseId: a.enterprise.id,
      name: "生产系统二号",
      endpointUrl: "https://client.example.com/push",
      boundCardNo: null,
      status: "ACTIVE",
    });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "CLIENT_REGISTER", targetId: clientId } });
    expect(audit).toMatchObject({ cardNo: a.legalCard.cardNo, actorAccount: a.user.accountCode, enterpriseId: a.enterprise.id });
    expect(audit.signature).toMatch(/^[0-9a-f]+$/);
  });

  test.each([
    ["ftp://client.example.com/push", "http:// 或 https://"],
    ["client.example.com/push", "格式不正确"],
    ["http://user:secret@client.example.com/push", "用户名或口令"],
  ])("endpoint %s is refused (%s) and nothing is written", async (endpointUrl, message) => {
    const before = await db.importClient.count({ where: { enterpriseId: a.enterprise.id } });
    const result = await registerClient(a, { name: "客户端", endpointUrl });
    expect(result).toMatchObject({ ok: false, fieldErrors: { endpointUrl: expect.stringContaining(message) } });
    expect(await db.importClient.count({ where: { enterpriseId: a.enterprise.id } })).toBe(before);
  });

  test("an operator card cannot register a client", async () => {
    const before = await db.importClient.count({ where: { enterpriseId: a.enterprise.id } });
    const result = await registerClient(a, { name: "客户端", endpointUrl: "http://127.0.0.1:8787/push" }, a.operatorCard);
    expect(result).toMatchObject({ ok: false, code: "FORBIDDEN", error: expect.stringContaining("法人卡") });
    expect(await db.importClient.count({ where: { enterpriseId: a.enterprise.id } })).toBe(before);
  });
});

describe("card medium", () => {
  test("binding needs the legal-person card: the operator card is refused and nothing changes", async () => {
    const client = await registered(a);
    const refused = await bindCard(a, { clientId: client.clientId, cardNo: a.operatorCard.cardNo }, a.operatorCard);
    expect(refused).toMatchObject({ ok: false, code: "FORBIDDEN", error: expect.stringContaining("法人卡") });
    expect((await clientRow(client.id)).boundCardNo).toBeNull();
    expect(await db.auditLog.count({ where: { action: "SIGNATURE_REFUSED", actorUserId: a.user.id, targetType: "CLIENT_BIND" } })).toBeGreaterThan(0);

    expect(await bindCard(a, { clientId: client.clientId, cardNo: a.operatorCard.cardNo })).toEqual({ ok: true });
    expect((await clientRow(client.id)).boundCardNo).toBe(a.operatorCard.cardNo);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "CLIENT_BIND", targetId: client.clientId } });
    expect(audit).toMatchObject({ cardNo: a.legalCard.cardNo, detail: { cardNo: a.operatorCard.cardNo, previousCardNo: null } });
  });

  test("only the enterprise's own ACTIVE cards can be bound", async () => {
    const client = await registered(a);
    const foreign = await bindCard(a, { clientId: client.clientId, cardNo: b.legalCard.cardNo });
    expect(foreign).toMatchObject({ ok: false, fieldErrors: { cardNo: "只能绑定本企业在用的卡" } });
    const revoked = await db.card.create({
      data: {
        cardNo: `${a.legalCard.cardNo.slice(0, 12)}9`,
        kind: "OPERATOR",
        enterpriseId: a.enterprise.id,
        holder: "离职员工",
        publicKey: a.operatorCard.publicKey,
        status: "REVOKED",
      },
    });
    expect(await bindCard(a, { clientId: client.clientId, cardNo: revoked.cardNo })).toMatchObject({
      ok: false,
      fieldErrors: { cardNo: "只能绑定本企业在用的卡" },
    });
    expect((await clientRow(client.id)).boundCardNo).toBeNull();
  });

  test("a bound client is in the subscription picker; unbound, it disappears (R3)", async () => {
    const client = await registered(a);
    const picker = async () => (await listBoundClients({ db, scope: { enterpriseId: a.enterprise.id } })).map((c) => c.clientId);
    expect(await picker()).not.toContain(client.clientId);
    expect(await bindCard(a, { clientId: client.clientId, cardNo: a.legalCard.cardNo })).toEqual({ ok: true });
    expect(await picker()).toContain(client.clientId);

    expect(await unbindCard(a, client.clientId)).toEqual({ ok: true });
    expect(await picker()).not.toContain(client.clientId);
    expect((await clientRow(client.id)).boundCardNo).toBeNull();
    expect(await db.auditLog.findFirstOrThrow({ where: { action: "CLIENT_UNBIND", targetId: client.clientId } })).toMatchObject({
      detail: { cardNo: a.legalCard.cardNo },
    });
    expect(await unbindCard(a, client.clientId)).toMatchObject({ ok: false, error: "该客户端未绑定卡介质" });
  });
});

describe("endpoint", () => {
  const saved = { ...process.env };
  /** Production mode, with the secrets a production configuration requires (lib/config/env.ts). */
  const productionMode = () =>
    Object.assign(process.env, { APP_MODE: "production", AUTH_SECRET: "x".repeat(32), PLATFORM_SM2_PRIVATE_KEY: "1".repeat(64) });
  afterEach(() => {
    for (const name of ["APP_MODE", "AUTH_SECRET", "PLATFORM_SM2_PRIVATE_KEY", "CLIENT_ENDPOINT_ALLOW_PRIVATE"]) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  });

  test("a new endpoint is saved, signed and audited with the previous one", async () => {
    const client = await registered(a);
    expect(await changeEndpoint(a, { clientId: client.clientId, endpointUrl: "https://203.0.113.7:8443/push" })).toEqual({ ok: true });
    expect((await clientRow(client.id)).endpointUrl).toBe("https://203.0.113.7:8443/push");
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "CLIENT_ENDPOINT", targetId: client.clientId } });
    expect(audit.detail).toEqual({ endpointUrl: "https://203.0.113.7:8443/push", previousEndpointUrl: "http://127.0.0.1:8787/push" });
  });

  test("in production mode loopback and private addresses are refused unless CLIENT_ENDPOINT_ALLOW_PRIVATE", async () => {
    const client = await registered(a);
    productionMode();
    for (const endpointUrl of ["http://127.0.0.1:8788/push", "http://localhost:8788/push", "http://10.20.30.40/push", "http://[::1]:8788/push"]) {
      const result = await changeEndpoint(a, { clientId: client.clientId, endpointUrl });
      expect(result, endpointUrl).toMatchObject({ ok: false, fieldErrors: { endpointUrl: expect.stringMatching(/本机|内网/) } });
    }
    expect((await clientRow(client.id)).endpointUrl).toBe("http://127.0.0.1:8787/push");

    process.env.CLIENT_ENDPOINT_ALLOW_PRIVATE = "true";
    expect(await changeEndpoint(a, { clientId: client.clientId, endpointUrl: "http://10.20.30.40/push" })).toEqual({ ok: true });
  });
});

describe("only the owning enterprise sees or changes a client", () => {
  test("another enterprise's client ids are refused, with nothing changed", async () => {
    const client = await registered(a);
    expect(await bindCard(a, { clientId: client.clientId, cardNo: a.legalCard.cardNo })).toEqual({ ok: true });
    await db.importClient.update({ where: { id: client.id }, data: { status: "PAUSED", pausedAt: new Date() } });
    const before = {
      row: await clientRow(client.id),
      auditsA: await auditCount(a.enterprise.id),
      messages: await db.pushMessage.count({ where: { importClientId: client.id } }),
    };

    const attempts = [
      await bindCard(b, { clientId: client.clientId, cardNo: b.legalCard.cardNo }),
      await unbindCard(b, client.clientId),
      await changeEndpoint(b, { clientId: client.clientId, endpointUrl: "https://203.0.113.9/push" }),
      await resumeClient(b, client.clientId),
    ];
    for (const result of attempts) expect(result).toMatchObject({ ok: false, code: "NOT_FOUND", error: "导入客户端不存在或不属于本企业" });
    await expect(
      sendTestMessage({
        db,
        scope: { enterpriseId: b.enterprise.id },
        actor: { userId: b.user.id, accountCode: b.user.accountCode },
        clientId: client.clientId,
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });

    expect(await clientRow(client.id)).toEqual(before.row);
    expect(await auditCount(a.enterprise.id)).toBe(before.auditsA);
    expect(await db.pushMessage.count({ where: { importClientId: client.id } })).toBe(before.messages);
    const listedForB = await listImportClients({ db, scope: { enterpriseId: b.enterprise.id }, pageSize: 1_000 });
    expect(listedForB.rows.map((r) => r.clientId)).not.toContain(client.clientId);
  });

  test("the list shows the enterprise's own clients, newest first, paged", async () => {
    const fixture = await createEnterprise(db);
    const ids = [(await registered(fixture)).clientId, (await registered(fixture)).clientId];
    const scope = { enterpriseId: fixture.enterprise.id };
    const first = await listImportClients({ db, scope, pageSize: 2 });
    expect(first.rows.map((r) => r.clientId)).toEqual([ids[1], ids[0]]);
    const second = await listImportClients({ db, scope, pageSize: 2, after: first.nextCursor! });
    expect(second.rows.map((r) => r.clientId)).toEqual([fixture.client.clientId]);
    expect(second.nextCursor).toBeNull();
    expect(second.rows[0]).toMatchObject({
      boundCardNo: fixture.legalCard.cardNo,
      boundCardKind: "LEGAL_PERSON",
      status: "ACTIVE",
      lastAttempt: null,
      recentFailures: 0,
      waiting: 0,
    });
  });
});
