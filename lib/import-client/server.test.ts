import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { sm2KeyPair, sm2Sign } from "@/lib/crypto/sm2";
import { startImportClient } from "@/lib/import-client/server";
import { PLATFORM_HEADERS, platformCanonicalString, signPlatformHeaders, sm3BodyHex } from "@/lib/signing/platform";

const platform = sm2KeyPair();
const inbox = mkdtempSync(path.join(tmpdir(), "sw-inbox-"));
let client: Awaited<ReturnType<typeof startImportClient>>;

beforeAll(async () => {
  process.env.PLATFORM_SM2_PRIVATE_KEY = platform.privateKey;
  client = await startImportClient({ port: 0, inbox, platformPublicKey: platform.publicKey });
});
afterAll(async () => {
  await client.close();
  rmSync(inbox, { recursive: true, force: true });
});

let sequence = 0;
function message(emsNo = "E53002500001") {
  const messageId = `2026${String(++sequence).padStart(16, "0")}`;
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<EmsPushMessage><Head><MessageId>${messageId}</MessageId><MessageType>STOCK</MessageType><EmsNo>${emsNo}</EmsNo></Head><Body><NemsHead><GdsNm>芯片 &amp; 封装</GdsNm></NemsHead></Body></EmsPushMessage>`;
  return { messageId, body, headers: signPlatformHeaders({ messageId, body }) };
}

const post = (body: string, headers: Record<string, string>) =>
  fetch(client.url, { method: "POST", body, headers: { "Content-Type": "application/xml; charset=utf-8", ...headers } });

const filesUnder = (dir: string) => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());

describe("reference import client", () => {
  test("stores a verified message as <inbox>/<emsNo>/<messageId>.xml, byte for byte, and answers 200", async () => {
    const m = message();
    const response = await post(m.body, m.headers);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ messageId: m.messageId, status: "stored" });
    expect(readFileSync(path.join(inbox, "E53002500001", `${m.messageId}.xml`), "utf8")).toBe(m.body);
    expect(readdirSync(path.join(inbox, ".tmp"))).toEqual([]);
  });

  test("answers 200 to a duplicate id without writing again, also when both arrive at once", async () => {
    const m = message("E53002500002");
    const [first, second] = await Promise.all([post(m.body, m.headers), post(m.body, m.headers)]);
    expect([first.status, second.status]).toEqual([200, 200]);
    const statuses = [(await first.json()).status, (await second.json()).status].sort();
    expect(statuses).toEqual(["duplicate", "stored"]);
    const again = await post(m.body, signPlatformHeaders({ messageId: m.messageId, body: m.body }));
    expect(await again.json()).toEqual({ messageId: m.messageId, status: "duplicate" });
    expect(filesUnder(path.join(inbox, "E53002500002")).map((f) => f.name)).toEqual([`${m.messageId}.xml`]);
  });

  test("refuses a tampered body, a tampered or missing signature and a foreign key with 401, writing nothing", async () => {
    const m = message("E53002500003");
    const tamperedBody = m.body.replace("芯片", "芯片X");
    expect((await post(tamperedBody, m.headers)).status).toBe(401);
    const signature = m.headers[PLATFORM_HEADERS.signature];
    const flipped = signature.slice(0, 20) + (signature[20] === "0" ? "1" : "0") + signature.slice(21);
    expect((await post(m.body, { ...m.headers, [PLATFORM_HEADERS.signature]: flipped })).status).toBe(401);
    expect((await post(m.body, { ...m.headers, [PLATFORM_HEADERS.timestamp]: "1" })).status).toBe(401);
    const { [PLATFORM_HEADERS.signature]: _omitted, ...unsigned } = m.headers;
    expect((await post(m.body, unsigned)).status).toBe(401);
    const otherKey = sm2KeyPair();
    const canonical = platformCanonicalString({
      messageId: m.messageId,
      timestamp: m.headers[PLATFORM_HEADERS.timestamp],
      bodySm3Hex: sm3BodyHex(m.body),
    });
    const foreign = sm2Sign(otherKey.privateKey, otherKey.publicKey, canonical);
    expect((await post(m.body, { ...m.headers, [PLATFORM_HEADERS.signature]: foreign })).status).toBe(401);
    expect(readdirSync(inbox)).not.toContain("E53002500003");
  });

  test("stores a TEST message, which has no manual number, as <inbox>/TEST/<messageId>.xml", async () => {
    const messageId = `2026${String(++sequence).padStart(16, "0")}`;
    const body = `<?xml version="1.0" encoding="UTF-8"?>\n<EmsPushMessage><Head><MessageId>${messageId}</MessageId><MessageType>TEST</MessageType></Head><Body><TestMessage><ClientId>3201000001</ClientId></TestMessage></Body></EmsPushMessage>`;
    const response = await post(body, signPlatformHeaders({ messageId, body }));
    expect(await response.json()).toEqual({ messageId, status: "stored" });
    expect(readFileSync(path.join(inbox, "TEST", `${messageId}.xml`), "utf8")).toBe(body);
  });

  test("refuses a signed message whose head disagrees with the header id or carries an unsafe manual number", async () => {
    const m = message("../../etc");
    expect((await post(m.body, m.headers)).status).toBe(400);
    const other = message();
    const mismatched = other.body.replace(other.messageId, "20260000000000099999");
    expect((await post(mismatched, signPlatformHeaders({ messageId: other.messageId, body: mismatched }))).status).toBe(400);
  });

  test("answers 404 elsewhere and 200 on /health", async () => {
    expect((await fetch(client.url.replace("/push", "/health"))).status).toBe(200);
    expect((await fetch(client.url.replace("/push", "/other"), { method: "POST" })).status).toBe(404);
  });
});
