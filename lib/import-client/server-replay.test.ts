// The reference import client's replay defence: accepted ids are remembered in a ledger beyond the inbox and
// across restarts, and a signature timestamp outside the clock-skew window is refused.
import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { sm2KeyPair } from "@/lib/crypto/sm2";
import { LEDGER_FILE } from "@/lib/import-client/ledger";
import { startImportClient } from "@/lib/import-client/server";
import { signPlatformHeaders } from "@/lib/signing/platform";

const platform = sm2KeyPair();
const DAY_MS = 86_400_000;
let root: string;
let inbox: string;
let clients: Awaited<ReturnType<typeof startImportClient>>[] = [];

beforeAll(() => {
  process.env.PLATFORM_SM2_PRIVATE_KEY = platform.privateKey;
});
afterEach(async () => {
  await Promise.all(clients.map((client) => client.close()));
  clients = [];
  rmSync(root, { recursive: true, force: true });
});

async function start(options: { now?: () => number; maxClockSkewSeconds?: number } = {}) {
  const client = await startImportClient({ port: 0, inbox, platformPublicKey: platform.publicKey, ...options });
  clients.push(client);
  return client;
}

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), "sw-replay-"));
  inbox = path.join(root, "inbox");
});

let sequence = 0;
function message(at?: Date) {
  const messageId = `2026${String(Date.now() % 1e9).padStart(9, "0")}${String(++sequence).padStart(7, "0")}`;
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<EmsPushMessage><Head><MessageId>${messageId}</MessageId><MessageType>STOCK</MessageType><EmsNo>E53002500001</EmsNo></Head><Body/></EmsPushMessage>`;
  return { messageId, body, headers: signPlatformHeaders({ messageId, body, at }) };
}

const post = async (url: string, m: { body: string; headers: Record<string, string> }) => {
  const response = await fetch(url, { method: "POST", body: m.body, headers: { "Content-Type": "application/xml; charset=utf-8", ...m.headers } });
  return { status: response.status, json: (await response.json()) as { status?: string; error?: string } };
};
const fileOf = (messageId: string) => path.join(inbox, "E53002500001", `${messageId}.xml`);
const manualFolder = () => (existsSync(path.join(inbox, "E53002500001")) ? readdirSync(path.join(inbox, "E53002500001")) : []);

describe("import client replay defence", () => {
  test("a captured push replayed after its file left the inbox is answered duplicate and not stored again", async () => {
    const client = await start();
    const m = message();
    expect((await post(client.url, m)).json.status).toBe("stored");
    unlinkSync(fileOf(m.messageId)); // the enterprise's system consumed it

    expect(await post(client.url, m)).toEqual({ status: 200, json: { messageId: m.messageId, status: "duplicate" } });
    // A platform retry signed afresh is the same message: also a duplicate.
    expect((await post(client.url, { ...m, headers: signPlatformHeaders({ messageId: m.messageId, body: m.body }) })).json.status).toBe("duplicate");
    expect(manualFolder()).toEqual([]);
  });

  test("a restarted client keeps the memory: the replay is still a duplicate; a new message is stored", async () => {
    const first = await start();
    const m = message();
    expect((await post(first.url, m)).json.status).toBe("stored");
    unlinkSync(fileOf(m.messageId));
    await first.close();
    clients = [];

    const second = await start();
    expect((await post(second.url, m)).json.status).toBe("duplicate");
    expect(manualFolder()).toEqual([]);
    const other = message();
    expect((await post(second.url, other)).json.status).toBe("stored");
    expect(manualFolder()).toEqual([`${other.messageId}.xml`]);
  });

  test("a signature timestamp outside the clock-skew window is refused with its reason, storing nothing", async () => {
    const client = await start({ maxClockSkewSeconds: 300 });
    for (const offsetMs of [-301_000, 301_000]) {
      const m = message(new Date(Date.now() + offsetMs));
      const answer = await post(client.url, m);
      expect(answer.status).toBe(401);
      expect(answer.json.error).toBe("平台签名时间戳与本机时间相差超过 300 秒（重放的请求或时钟不准），未保存");
      expect(existsSync(fileOf(m.messageId))).toBe(false);
      // Refused ids are not remembered: the platform's next attempt, signed now, is stored.
      expect((await post(client.url, { ...m, headers: signPlatformHeaders({ messageId: m.messageId, body: m.body }) })).json.status).toBe("stored");
    }
    expect((await post(client.url, message(new Date(Date.now() - 290_000)))).json.status).toBe("stored");
  });

  test("the ledger forgets ids after the retention, survives a torn last line, and is compacted at start", async () => {
    let now = Date.now();
    const client = await start({ now: () => now });
    const m = message(new Date(now));
    expect((await post(client.url, m)).json.status).toBe("stored");
    await client.close();
    clients = [];
    const ledger = path.join(inbox, ".state", LEDGER_FILE);
    expect(readFileSync(ledger, "utf8")).toBe(`${m.messageId} ${now}\n`);
    appendFileSync(ledger, "2026000000000000"); // a crash mid-append

    await start({ now: () => now });
    expect(readFileSync(ledger, "utf8")).toBe(`${m.messageId} ${now}\n`);
    await clients.pop()!.close();

    now += 31 * DAY_MS;
    await start({ now: () => now });
    expect(readFileSync(ledger, "utf8")).toBe("");
  });
});
