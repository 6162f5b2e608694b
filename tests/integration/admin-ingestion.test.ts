// R19 ingestion API: bearer token per upstream system, zod validation naming every invalid field in
// Chinese, idempotency on requestId, and a submitted change that an admin can then approve.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, test } from "vitest";
import { POST as postChange } from "@/app/api/ingest/changes/route";
import { POST as postManual } from "@/app/api/ingest/manuals/route";
import { db } from "@/lib/db/client";
import { hashUpstreamToken, registerUpstreamSystem } from "@/lib/ingestion/upstream-token";
import { approveManualChange } from "@/lib/manuals/approve-change";
import { createCustomsAdmin } from "../support/factories";

let token: string;
let otherToken: string;
let emsCounter = 0;
const newEmsNo = () => `E9${String(Date.now()).slice(-7)}${String(++emsCounter).padStart(3, "0")}`;
const requestId = () => `req-${randomUUID()}`;

beforeAll(async () => {
  ({ token } = await registerUpstreamSystem({ db, name: `金关二期-${randomUUID()}` }));
  ({ token: otherToken } = await registerUpstreamSystem({ db, name: `其他系统-${randomUUID()}` }));
});

function post(handler: (request: Request) => Promise<Response>, body: unknown, options: { token?: string | null; contentType?: string } = {}) {
  const headers = new Headers({ "content-type": options.contentType ?? "application/json" });
  const bearer = options.token === undefined ? token : options.token;
  if (bearer) headers.set("authorization", `Bearer ${bearer}`);
  return handler(
    new Request("http://localhost/api/ingest", { method: "POST", headers, body: typeof body === "string" ? body : JSON.stringify(body) }),
  );
}

const head = (emsNo: string, extra: object = {}) => ({
  emsNo,
  seqNo: "202500000000123456",
  bizopEtpsno: "3201931234",
  bizopEtpsNm: "苏州华芯电子科技有限公司",
  rcvgdEtpsno: "3201931234",
  rcvgdEtpsNm: "苏州华芯电子科技有限公司",
  masterCuscd: "3201",
  dclTypecd: "1",
  finishValidDate: "20281231",
  putrecApprTime: "2025-03-05 14:02:11",
  ...extra,
});
const row = (gdsSeqno: number, extra: object = {}) => ({
  gdsSeqno,
  gdsMtno: `M${gdsSeqno}`,
  gdecd: "8542319000",
  gdsNm: "集成电路",
  dclUnitcd: "007",
  lawfUnitcd: "007",
  dclUprcAmt: "1.5",
  dclQty: 10,
  dclCurrcd: "502",
  natcd: "142",
  lvyrlfModecd: "3",
  ...extra,
});

describe("bearer token", () => {
  test("a missing, malformed or unknown token is 401 and writes nothing", async () => {
    const emsNo = newEmsNo();
    const body = { requestId: requestId(), head: head(emsNo) };
    for (const bearer of [null, "", "swu_unknown"]) {
      const response = await post(postManual, body, { token: bearer });
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toContain("Bearer");
      expect((await response.json()).error.code).toBe("UNAUTHORIZED");
    }
    expect(await db.manual.count({ where: { emsNo } })).toBe(0);
  });

  test("only the token's SM3 digest is stored", async () => {
    expect(await db.upstreamSystem.count({ where: { tokenHash: hashUpstreamToken(token) } })).toBe(1);
    expect(await db.upstreamSystem.count({ where: { tokenHash: token } })).toBe(0);
  });
});

describe("manual upsert", () => {
  test("creates a manual, adds rows in a second batch, and replays a retried request without writing again", async () => {
    const emsNo = newEmsNo();
    const first = { requestId: requestId(), head: head(emsNo), materials: [row(1), row(2, { adjmtrMarkcd: "2" })], products: [row(1)] };
    const created = await post(postManual, first);
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({
      replayed: false,
      result: { emsNo, created: true, materialsWritten: 2, productsWritten: 1, mtpckItemCnt: 2, endprdItemCnt: 1 },
    });
    const manual = await db.manual.findUniqueOrThrow({ where: { emsNo } });
    expect(manual).toMatchObject({
      rcvgdEtpsno: "3201931234",
      putrecApprTime: new Date("2025-03-05T06:02:11Z"),
      finishValidDate: new Date("2028-12-31T00:00:00Z"),
    });
    expect((await db.manualMaterial.findFirstOrThrow({ where: { manualId: manual.id, gdsSeqno: 2 } })).dclUprcAmt?.toFixed(5)).toBe("1.50000");

    const second = await post(postManual, {
      requestId: requestId(),
      head: head(emsNo, { etpsPreentNo: "NB-1" }),
      materials: [row(2, { gdsNm: "改名" }), row(3)],
    });
    expect(second.status).toBe(201);
    expect((await second.json()).result).toMatchObject({ created: false, mtpckItemCnt: 3, endprdItemCnt: 1 });
    expect((await db.manualMaterial.findFirstOrThrow({ where: { manualId: manual.id, gdsSeqno: 2 } })).gdsNm).toBe("改名");

    // The same request again, keys in another order: same answer, nothing written.
    const audits = await db.auditLog.count({ where: { action: "INGEST_MANUAL", targetId: emsNo } });
    const replay = await post(postManual, { products: first.products, materials: first.materials, head: first.head, requestId: first.requestId });
    expect(replay.status).toBe(200);
    expect(await replay.json()).toMatchObject({ replayed: true, result: { created: true, mtpckItemCnt: 2 } });
    expect((await db.manualMaterial.findFirstOrThrow({ where: { manualId: manual.id, gdsSeqno: 2 } })).gdsNm).toBe("改名");
    expect(await db.auditLog.count({ where: { action: "INGEST_MANUAL", targetId: emsNo } })).toBe(audits);

    // The same id with another body, or from another system, is a conflict.
    const reused = await post(postManual, { ...first, materials: [row(9)] });
    expect(reused.status).toBe(409);
    expect((await reused.json()).error.code).toBe("REQUEST_ID_REUSED");
    expect((await post(postManual, first, { token: otherToken })).status).toBe(409);
    expect(await db.manualMaterial.count({ where: { manualId: manual.id, gdsSeqno: 9 } })).toBe(0);
  });

  test("lists every invalid field with a Chinese message", async () => {
    const response = await post(postManual, {
      requestId: "坏的编号",
      head: { ...head("e123"), rcvgdEtpsno: "123", putrecApprTime: "2025-02-30 10:00:00", finishValidDate: undefined, extra: 1 },
      materials: [row(1, { gdecd: "" }), row(2, { dclQty: "1.1234567" }), { gdsSeqno: 0 }],
    });
    expect(response.status).toBe(422);
    const { error } = await response.json();
    expect(error.code).toBe("INVALID_INPUT");
    const fields = Object.fromEntries(error.fields.map((f: { field: string; message: string }) => [f.field, f.message]));
    expect(fields).toMatchObject({
      requestId: expect.stringContaining("请求编号"),
      "head.emsNo": "账册号应为 E 开头的 12 位数字或大写字母",
      "head.rcvgdEtpsno": "海关十位编码应为 10 位数字或大写字母",
      "head.putrecApprTime": "时间格式应为 yyyy-MM-dd HH:mm:ss（北京时间）",
      "head.finishValidDate": "必填",
      "head.extra": "不支持的字段",
      "materials[0].gdecd": "不能为空",
      "materials[1].dclQty": "数值最多 14 位整数、5 位小数",
      "materials[2].gdsSeqno": "应大于 0",
      "materials[2].gdsMtno": "必填",
    });
    expect(error.fieldCount).toBe(error.fields.length);

    // Checks across rows run once every row is valid.
    const duplicate = await post(postManual, { requestId: requestId(), head: head(newEmsNo()), materials: [row(1), row(2), row(1)] });
    expect((await duplicate.json()).error.fields).toEqual([{ field: "materials[2].gdsSeqno", message: "序号 1 重复" }]);
  });

  test("accepts a full request of 10,000 rows in one transaction", async () => {
    const emsNo = newEmsNo();
    const response = await post(postManual, {
      requestId: requestId(),
      head: head(emsNo),
      materials: Array.from({ length: 7_000 }, (_, i) => row(i + 1)),
      products: Array.from({ length: 3_000 }, (_, i) => row(i + 1)),
    });
    expect(response.status).toBe(201);
    expect((await response.json()).result).toMatchObject({ mtpckItemCnt: 7_000, endprdItemCnt: 3_000 });
  });

  test("refuses more than 10,000 rows, non-JSON, and data older than the manual", async () => {
    const emsNo = newEmsNo();
    const tooMany = await post(postManual, {
      requestId: requestId(),
      head: head(emsNo),
      materials: Array.from({ length: 6_000 }, (_, i) => row(i + 1)),
      products: Array.from({ length: 4_001 }, (_, i) => row(i + 1)),
    });
    expect(tooMany.status).toBe(422);
    expect((await tooMany.json()).error.fields).toEqual([
      { field: "(body)", message: "每次请求最多 10000 条表体（料件与成品合计），本次 10001 条，请分批提交" },
    ]);

    expect((await post(postManual, "{ not json")).status).toBe(400);
    expect((await post(postManual, "a=1", { contentType: "application/x-www-form-urlencoded" })).status).toBe(415);

    expect((await post(postManual, { requestId: requestId(), head: head(emsNo, { chgTmsCnt: 2 }) })).status).toBe(201);
    const stale = await post(postManual, { requestId: requestId(), head: head(emsNo, { chgTmsCnt: 1 }) });
    expect(stale.status).toBe(409);
    expect((await stale.json()).error.code).toBe("STALE_MANUAL");
  });
});

describe("change submission", () => {
  test("stores a PENDING change that approval can apply; replays, duplicates and unknown manuals are answered", async () => {
    const emsNo = newEmsNo();
    await post(postManual, { requestId: requestId(), head: head(emsNo), materials: [row(1), row(2)] });
    const change = {
      requestId: requestId(),
      emsNo,
      chgTmsCnt: 1,
      headChanges: { finishValidDate: "20291231" },
      materialChanges: [
        { modfMarkcd: "1", ...row(1, { gdsNm: "集成电路（改）" }) },
        { modfMarkcd: "2", gdsSeqno: 2 },
      ],
    };
    const submitted = await post(postChange, change);
    expect(submitted.status).toBe(201);
    const { result } = await submitted.json();
    expect(result).toMatchObject({ emsNo, chgTmsCnt: 1, status: "PENDING" });
    expect(await db.manualChange.findUniqueOrThrow({ where: { id: result.manualChangeId } })).toMatchObject({
      status: "PENDING",
      requestId: change.requestId,
    });

    expect((await post(postChange, change)).status).toBe(200);
    const duplicate = await post(postChange, { ...change, requestId: requestId() });
    expect(duplicate.status).toBe(409);
    expect((await duplicate.json()).error).toMatchObject({ code: "DUPLICATE_CHANGE", message: `账册 ${emsNo} 的第 1 次变更已提交（待审批）` });
    const unknown = await post(postChange, { ...change, requestId: requestId(), emsNo: newEmsNo() });
    expect(unknown.status).toBe(404);
    const empty = await post(postChange, { requestId: requestId(), emsNo, chgTmsCnt: 2 });
    expect(empty.status).toBe(422);

    const admin = await createCustomsAdmin(db);
    await approveManualChange({ db, manualChangeId: result.manualChangeId, adminUserId: admin.id });
    const manual = await db.manual.findUniqueOrThrow({ where: { emsNo } });
    expect(manual).toMatchObject({ chgTmsCnt: 1, finishValidDate: new Date("2029-12-31T00:00:00Z"), mtpckItemCnt: 1 });
    const stale = await post(postChange, { ...change, requestId: requestId() });
    expect(stale.status).toBe(409);
    expect((await stale.json()).error.code).toBe("STALE_CHANGE");
  });
});

describe("body size and field lengths", () => {
  // ~1.3 KB a row: 10,000 rows are the 12.6 MB request that Next.js used to cut at 10 MB (400 MALFORMED_JSON).
  const longRow = (gdsSeqno: number) => row(gdsSeqno, { gdsNm: "集成电路".repeat(62), endprdGdsSpcfModelDesc: "BGA封装".repeat(40) });
  const streamOf = (total: number, pulled: { bytes: number }) => {
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    return new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled.bytes >= total) return controller.close();
        pulled.bytes += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
  };
  const postStream = (body: ReadableStream<Uint8Array>, bearer: string | null) => {
    const headers = new Headers({ "content-type": "application/json" });
    if (bearer) headers.set("authorization", `Bearer ${bearer}`);
    return postManual(new Request("http://localhost/api/ingest/manuals", { method: "POST", headers, body, duplex: "half" } as RequestInit));
  };

  test("a valid 12.6 MB request is accepted", async () => {
    const emsNo = newEmsNo();
    const body = JSON.stringify({ requestId: requestId(), head: head(emsNo), materials: Array.from({ length: 10_000 }, (_, i) => longRow(i + 1)) });
    expect(Buffer.byteLength(body)).toBeGreaterThan(12.5 * 1024 * 1024);
    const response = await post(postManual, body);
    expect(response.status).toBe(201);
    expect((await response.json()).result).toMatchObject({ emsNo, mtpckItemCnt: 10_000 });
  });

  test("a body over 32 MB is refused with 413 and its message, writing nothing", async () => {
    const emsNo = newEmsNo();
    const filler = " ".repeat(32 * 1024 * 1024);
    const response = await post(postManual, `{"requestId":"${requestId()}","head":${JSON.stringify(head(emsNo))}}${filler}`);
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: { code: "PAYLOAD_TOO_LARGE", message: "请求体超过 32 MB，请分批提交" } });
    expect(await db.manual.count({ where: { emsNo } })).toBe(0);
    expect(await db.ingestionRequest.count({ where: { response: { path: ["result", "emsNo"], equals: emsNo } } })).toBe(0);
  });

  test("without a valid token a huge body is refused with 401 before it is read; with one, reading stops at the limit", async () => {
    const unread = { bytes: 0 };
    const refused = await postStream(streamOf(1024 * 1024 * 1024, unread), "swu_unknown");
    expect(refused.status).toBe(401);
    expect(unread.bytes).toBeLessThanOrEqual(64 * 1024); // at most the one chunk a stream queues when it is made

    const read = { bytes: 0 };
    const tooLarge = await postStream(streamOf(1024 * 1024 * 1024, read), token);
    expect(tooLarge.status).toBe(413);
    expect(read.bytes).toBeGreaterThan(32 * 1024 * 1024);
    expect(read.bytes).toBeLessThanOrEqual(32 * 1024 * 1024 + 2 * 64 * 1024);
  });

  test("text fields are bounded by the data-field lengths, each named with a Chinese message; nothing is written", async () => {
    const emsNo = newEmsNo();
    const response = await post(postManual, {
      requestId: requestId(),
      head: head(emsNo, { bizopEtpsNm: "苏".repeat(100_000), dclEtpsNm: "申".repeat(513), etpsPreentNo: "N".repeat(65) }),
      materials: [row(1, { gdsNm: "芯".repeat(513), endprdGdsSpcfModelDesc: "规".repeat(513), gdsMtno: "M".repeat(65) })],
    });
    expect(response.status).toBe(422);
    const fields = Object.fromEntries((await response.json()).error.fields.map((f: { field: string; message: string }) => [f.field, f.message]));
    expect(fields).toEqual({
      "head.bizopEtpsNm": "最多 512 个字符",
      "head.dclEtpsNm": "最多 512 个字符",
      "head.etpsPreentNo": "最多 64 个字符",
      "materials[0].gdsNm": "最多 512 个字符",
      "materials[0].endprdGdsSpcfModelDesc": "最多 512 个字符",
      "materials[0].gdsMtno": "最多 64 个字符",
    });
    expect(await db.manual.count({ where: { emsNo } })).toBe(0);

    // 512 characters is allowed; a change carries the same rule.
    expect((await post(postManual, { requestId: requestId(), head: head(emsNo, { bizopEtpsNm: "苏".repeat(512) }) })).status).toBe(201);
    const change = await post(postChange, {
      requestId: requestId(),
      emsNo,
      chgTmsCnt: 1,
      headChanges: { rcvgdEtpsNm: "华".repeat(513) },
      materialChanges: [{ modfMarkcd: "3", ...row(1, { gdsNm: "芯".repeat(100_000) }) }],
    });
    expect(change.status).toBe(422);
    expect((await change.json()).error.fields).toEqual([
      { field: "headChanges.rcvgdEtpsNm", message: "最多 512 个字符" },
      { field: "materialChanges[0].gdsNm", message: "最多 512 个字符" },
    ]);
    expect(await db.manualChange.count({ where: { manual: { emsNo } } })).toBe(0);
  });
});
