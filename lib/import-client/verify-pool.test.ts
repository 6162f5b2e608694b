import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { sm2KeyPair, sm2Sign } from "@/lib/crypto/sm2";
import { startImportClient } from "@/lib/import-client/server";
import { createThreadedVerifier } from "@/lib/import-client/verify-pool";
import { PLATFORM_HEADERS, platformCanonicalString, signPlatformHeaders, sm3BodyHex } from "@/lib/signing/platform";

const platform = sm2KeyPair();
const inbox = mkdtempSync(path.join(tmpdir(), "sw-inbox-threads-"));
let client: Awaited<ReturnType<typeof startImportClient>>;

beforeAll(async () => {
  process.env.PLATFORM_SM2_PRIVATE_KEY = platform.privateKey;
  client = await startImportClient({ port: 0, inbox, platformPublicKey: platform.publicKey, verifyThreads: 2 });
});
afterAll(async () => {
  await client.close();
  rmSync(inbox, { recursive: true, force: true });
});

let sequence = 0;
function message(emsNo: string) {
  const messageId = `2027${String(++sequence).padStart(16, "0")}`;
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<EmsPushMessage><Head><MessageId>${messageId}</MessageId><MessageType>INCREMENT</MessageType><EmsNo>${emsNo}</EmsNo></Head><Body/></EmsPushMessage>`;
  return { messageId, body, headers: signPlatformHeaders({ messageId, body }) };
}

const post = (body: string, headers: Record<string, string>) =>
  fetch(client.url, { method: "POST", body, headers: { "Content-Type": "application/xml; charset=utf-8", ...headers } });

// Room for thread start-up (each loads sm-crypto-v2 and precomputes the key) on a loaded two-core machine.
const slow = { timeout: 30_000 };

describe("import client verifying on worker threads", slow, () => {
  test("stores many concurrent messages, each once and byte for byte", async () => {
    const messages = Array.from({ length: 20 }, () => message("E53002500011"));
    const responses = await Promise.all(messages.map((m) => post(m.body, m.headers)));
    expect(responses.map((r) => r.status)).toEqual(messages.map(() => 200));
    for (const m of messages) expect(readFileSync(path.join(inbox, "E53002500011", `${m.messageId}.xml`), "utf8")).toBe(m.body);
    expect(readdirSync(path.join(inbox, ".tmp"))).toEqual([]);
  });

  test("refuses forged, foreign and malformed signatures among valid ones, writing none of them", async () => {
    const good = Array.from({ length: 6 }, () => message("E53002500012"));
    const forged = message("E53002500013");
    const signature = forged.headers[PLATFORM_HEADERS.signature];
    const flipped = signature.slice(0, 20) + (signature[20] === "0" ? "1" : "0") + signature.slice(21);
    const other = sm2KeyPair();
    const foreign = sm2Sign(
      other.privateKey,
      other.publicKey,
      platformCanonicalString({
        messageId: forged.messageId,
        timestamp: forged.headers[PLATFORM_HEADERS.timestamp],
        bodySm3Hex: sm3BodyHex(forged.body),
      }),
    );
    const statuses = await Promise.all([
      ...good.map((m) => post(m.body, m.headers).then((r) => r.status)),
      post(forged.body, { ...forged.headers, [PLATFORM_HEADERS.signature]: flipped }).then((r) => r.status),
      post(forged.body, { ...forged.headers, [PLATFORM_HEADERS.signature]: foreign }).then((r) => r.status),
      post(forged.body, { ...forged.headers, [PLATFORM_HEADERS.signature]: "30zz" }).then((r) => r.status),
      post(forged.body.replace("<Body/>", "<Body></Body>"), forged.headers).then((r) => r.status),
    ]);
    expect(statuses).toEqual([...good.map(() => 200), 401, 401, 401, 401]);
    expect(existsSync(path.join(inbox, "E53002500013"))).toBe(false);
  });

  test("makes a manual's folder again when it was removed after an earlier message", async () => {
    const first = message("E53002500014");
    expect((await post(first.body, first.headers)).status).toBe(200);
    rmSync(path.join(inbox, "E53002500014"), { recursive: true });
    const second = message("E53002500014");
    expect((await post(second.body, second.headers)).status).toBe(200);
    expect(readdirSync(path.join(inbox, "E53002500014"))).toEqual([`${second.messageId}.xml`]);
  });
});

describe("threaded verifier", slow, () => {
  test("agrees with the signature on every thread", async () => {
    const { verify, close } = createThreadedVerifier(platform.publicKey, 3);
    const m = message("E53002500015");
    const headers = { messageId: m.messageId, timestamp: m.headers[PLATFORM_HEADERS.timestamp], signature: m.headers[PLATFORM_HEADERS.signature] };
    const results = await Promise.all(Array.from({ length: 9 }, (_, i) => verify({ ...headers, body: i % 3 ? m.body : `${m.body} ` })));
    expect(results).toEqual(Array.from({ length: 9 }, (_, i) => i % 3 !== 0));
    await close();
  });
});
