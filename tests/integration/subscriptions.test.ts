// R1–R12 through the signed action path, against real PostgreSQL.
import { beforeAll, describe, expect, test } from "vitest";
import { runSignedAction } from "@/lib/actions/run-signed";
import { signedActionOf } from "@/lib/signing/registry";
import { db } from "@/lib/db/client";
import { listSubscriptions } from "@/lib/subscriptions/list";
import { addYearsToDay, formatShanghaiDateTime, shanghaiDay } from "@/lib/time/shanghai";
import { type TSubscribeForm } from "@/lib/validations/subscription";
import { createEnterprise, createManual, createSubscription } from "../support/factories";
import { actorFor, signRequest } from "../support/signing";
import { subscribeForm } from "../support/subscribe-form";

type Fixture = Awaited<ReturnType<typeof createEnterprise>>;
const today = () => shanghaiDay();

const form = (fixture: Fixture, overrides: Partial<TSubscribeForm> = {}) => subscribeForm(fixture.client.clientId, overrides);

async function subscribe(fixture: Fixture, payload: TSubscribeForm, card?: Parameters<typeof signRequest>[0]["card"]) {
  const request = await signRequest({ fixture, action: "SUBSCRIBE", payload, card });
  return runSignedAction({ actor: actorFor(fixture), definition: signedActionOf("SUBSCRIBE"), request });
}

const counts = async (enterpriseId: number) => ({
  subscriptions: await db.subscription.count({ where: { enterpriseId } }),
  jobs: Number((await db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) n FROM pgboss.job WHERE name = 'stock-dispatch'`))[0].n),
});

let a: Fixture;
let b: Fixture;
let small: { id: number; emsNo: string };
let large: { id: number; emsNo: string };
let foreign: { id: number; emsNo: string };

beforeAll(async () => {
  a = await createEnterprise(db);
  b = await createEnterprise(db);
  small = await createManual(db, { processingUnitCode: a.enterprise.customsCode, materials: 60, products: 25 });
  large = await createManual(db, { processingUnitCode: a.enterprise.customsCode, materials: 10_001, products: 5 });
  foreign = await createManual(db, { processingUnitCode: b.enterprise.customsCode, materials: 5, products: 5 });
});

describe("subscribe (manual §1)", () => {
  test("stock with ranges: one record, its dispatch job queued in the same transaction, audited (R4, R5, R8)", async () => {
    const before = await counts(a.enterprise.id);
    const result = await subscribe(
      a,
      form(a, {
        stockEnabled: true,
        stockEmsNo: small.emsNo,
        pushMaterials: true,
        pushProducts: true,
        materialFrom: "1",
        materialTo: "50",
        productFrom: "3",
        productTo: "20",
      }),
    );
    expect(result).toMatchObject({ ok: true });
    const id = (result as { subscriptionId: number }).subscriptionId;
    const record = await db.subscription.findUniqueOrThrow({ where: { id } });
    expect(record).toMatchObject({
      stockEmsNo: small.emsNo,
      materialFrom: 1,
      materialTo: 50,
      productFrom: 3,
      productTo: 20,
      incrementalEmsNo: null,
      status: "ACTIVE",
      enteredBy: a.user.accountCode,
      signingCardId: a.legalCard.id,
    });
    expect(formatShanghaiDateTime(record.validUntil)).toBe(`${addYearsToDay(today(), 1)} 23:59:59`);
    const jobs = await db.$queryRawUnsafe<{ data: { subscriptionId: number } }[]>(
      `SELECT data FROM pgboss.job WHERE name = 'stock-dispatch' AND (data->>'subscriptionId')::int = $1`,
      id,
    );
    expect(jobs).toHaveLength(1);
    expect(await counts(a.enterprise.id)).toEqual({ subscriptions: before.subscriptions + 1, jobs: before.jobs + 1 });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "SUBSCRIBE", targetId: String(id) } });
    expect(audit.cardNo).toBe(a.legalCard.cardNo);
    expect(audit.signature).toBe(record.signature);
  });

  test("an empty range means the whole table where it has at most 10,000 rows", async () => {
    const result = await subscribe(a, form(a, { stockEnabled: true, stockEmsNo: small.emsNo, pushMaterials: true }));
    expect(result.ok).toBe(true);
  });

  test("an empty range on a table over 10,000 rows asks for a range and writes nothing (R4)", async () => {
    const before = await counts(a.enterprise.id);
    const result = await subscribe(a, form(a, { stockEnabled: true, stockEmsNo: large.emsNo, pushMaterials: true }));
    expect(result).toMatchObject({ ok: false, fieldErrors: { materialFrom: expect.stringContaining("超过 10000 条") } });
    expect(await counts(a.enterprise.id)).toEqual(before);
  });

  test.each([
    [{ materialFrom: "1", materialTo: "10001" }, "最多 10000 条"],
    [{ materialFrom: "20", materialTo: "10" }, "不能大于"],
    [{ materialFrom: "1.5", materialTo: "10" }, "正整数"],
    [{ materialFrom: "0", materialTo: "10" }, "正整数"],
    [{ materialFrom: "5", materialTo: "" }, "正整数"],
  ])("range %o is refused (%s) and nothing is written", async (range, message) => {
    const before = await counts(a.enterprise.id);
    const result = await subscribe(a, form(a, { stockEnabled: true, stockEmsNo: large.emsNo, pushMaterials: true, ...range }));
    expect(result).toMatchObject({ ok: false, fieldErrors: { materialFrom: expect.stringContaining(message) } });
    expect(await counts(a.enterprise.id)).toEqual(before);
  });

  test("a range of exactly 10,000 serial numbers on the large table is accepted", async () => {
    const result = await subscribe(
      a,
      form(a, { stockEnabled: true, stockEmsNo: large.emsNo, pushMaterials: true, materialFrom: "2", materialTo: "10001" }),
    );
    expect(result.ok).toBe(true);
  });

  test("stock needs at least one push type", async () => {
    const result = await subscribe(a, form(a, { stockEnabled: true, stockEmsNo: small.emsNo }));
    expect(result).toMatchObject({ ok: false, fieldErrors: { pushMaterials: expect.stringContaining("推送类型") } });
  });

  test("neither stock nor incremental is refused", async () => {
    expect(await subscribe(a, form(a))).toMatchObject({ ok: false, fieldErrors: { stockEnabled: expect.any(String) } });
  });

  test("R1: a manual of another processing unit is refused and nothing is written", async () => {
    const before = await counts(a.enterprise.id);
    const result = await subscribe(a, form(a, { incrementalEnabled: true, incrementalEmsNo: foreign.emsNo }));
    expect(result).toMatchObject({ ok: false, error: expect.stringContaining("加工单位") });
    expect(await counts(a.enterprise.id)).toEqual(before);
    const refusal = await db.auditLog.findFirst({ where: { action: "ACTION_REFUSED", enterpriseId: a.enterprise.id }, orderBy: { id: "desc" } });
    expect(refusal?.outcome).toBe("REFUSED");
  });

  test("unknown manual and manual past its own end date are refused", async () => {
    expect(await subscribe(a, form(a, { incrementalEnabled: true, incrementalEmsNo: "E99999999999" }))).toMatchObject({
      ok: false,
      error: expect.stringContaining("不存在"),
    });
    const ended = await createManual(db, { processingUnitCode: a.enterprise.customsCode });
    await db.manual.update({ where: { id: ended.id }, data: { finishValidDate: new Date("2020-01-01") } });
    expect(await subscribe(a, form(a, { incrementalEnabled: true, incrementalEmsNo: ended.emsNo }))).toMatchObject({
      ok: false,
      error: expect.stringContaining("结束有效日期"),
    });
  });

  test("R3: a client without a bound card medium, or of another enterprise, is refused", async () => {
    const unbound = await db.importClient.create({
      data: { clientId: `U${a.client.clientId.slice(1)}`, enterpriseId: a.enterprise.id, name: "未绑定", endpointUrl: "http://127.0.0.1:1/push" },
    });
    expect(await subscribe(a, form(a, { clientId: unbound.clientId, incrementalEnabled: true, incrementalEmsNo: small.emsNo }))).toMatchObject({
      ok: false,
      fieldErrors: { clientId: expect.any(String) },
    });
    expect(await subscribe(a, form(a, { clientId: b.client.clientId, incrementalEnabled: true, incrementalEmsNo: small.emsNo }))).toMatchObject({
      ok: false,
      fieldErrors: { clientId: expect.any(String) },
    });
  });

  test("R7: validity from today to one year from today; stored as 23:59:59 Shanghai", async () => {
    const m = await createManual(db, { processingUnitCode: a.enterprise.customsCode });
    const tooLate = addYearsToDay(addYearsToDay(today(), 1), 0).replace(/\d{2}$/, (d) => String(Number(d) + 1).padStart(2, "0"));
    expect(await subscribe(a, form(a, { incrementalEnabled: true, incrementalEmsNo: m.emsNo, validUntil: tooLate }))).toMatchObject({
      ok: false,
      fieldErrors: { validUntil: expect.stringContaining("一年") },
    });
    expect(await subscribe(a, form(a, { incrementalEnabled: true, incrementalEmsNo: m.emsNo, validUntil: "2020-01-01" }))).toMatchObject({
      ok: false,
      fieldErrors: { validUntil: expect.stringContaining("早于今天") },
    });
    const ok = await subscribe(a, form(a, { incrementalEnabled: true, incrementalEmsNo: m.emsNo, validUntil: today() }));
    expect(ok.ok).toBe(true);
    const record = await db.subscription.findUniqueOrThrow({ where: { id: (ok as { subscriptionId: number }).subscriptionId } });
    expect(formatShanghaiDateTime(record.validUntil)).toBe(`${today()} 23:59:59`);
  });
});

describe("incremental (R6, R6a)", () => {
  test("a second ACTIVE incremental subscription of the same manual is refused", async () => {
    const m = await createManual(db, { processingUnitCode: a.enterprise.customsCode });
    expect((await subscribe(a, form(a, { incrementalEnabled: true, incrementalEmsNo: m.emsNo }))).ok).toBe(true);
    const before = await counts(a.enterprise.id);
    expect(await subscribe(a, form(a, { incrementalEnabled: true, incrementalEmsNo: m.emsNo }))).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await counts(a.enterprise.id)).toEqual(before);
  });

  test("of two simultaneous incremental requests exactly one wins (partial unique index)", async () => {
    const m = await createManual(db, { processingUnitCode: a.enterprise.customsCode });
    const payload = form(a, { incrementalEnabled: true, incrementalEmsNo: m.emsNo });
    const requests = await Promise.all([1, 2, 3].map(() => signRequest({ fixture: a, action: "SUBSCRIBE", payload })));
    const results = await Promise.all(
      requests.map((request) => runSignedAction({ actor: actorFor(a), definition: signedActionOf("SUBSCRIBE"), request })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.code === "CONFLICT")).toBe(true);
    expect(await db.subscription.count({ where: { incrementalManualId: m.id, status: "ACTIVE" } })).toBe(1);
  });

  test("an ACTIVE one past validUntil does not block a new one (R12) and becomes EXPIRED", async () => {
    const m = await createManual(db, { processingUnitCode: a.enterprise.customsCode });
    const old = await createSubscription(db, a, m, { validUntil: new Date(Date.now() - 1000) });
    expect((await subscribe(a, form(a, { incrementalEnabled: true, incrementalEmsNo: m.emsNo }))).ok).toBe(true);
    expect((await db.subscription.findUniqueOrThrow({ where: { id: old.id } })).status).toBe("EXPIRED");
  });

  test("stock and incremental in one request: one record, both parts, content joined; either part breaking a rule refuses all", async () => {
    const m = await createManual(db, { processingUnitCode: a.enterprise.customsCode, materials: 100, products: 100 });
    const both = {
      stockEnabled: true,
      stockEmsNo: m.emsNo,
      pushMaterials: true,
      pushProducts: true,
      materialFrom: "1",
      materialTo: "100",
      productFrom: "1",
      productTo: "100",
      incrementalEnabled: true,
      incrementalEmsNo: m.emsNo,
    };
    const before = await counts(a.enterprise.id);
    expect(await subscribe(a, form(a, { ...both, incrementalEmsNo: foreign.emsNo }))).toMatchObject({ ok: false });
    expect(await counts(a.enterprise.id)).toEqual(before);
    expect((await subscribe(a, form(a, both))).ok).toBe(true);
    const { rows } = await listSubscriptions({ db, scope: { enterpriseId: a.enterprise.id }, pageSize: 1 });
    expect(rows[0].content).toEqual({ stock: { emsNo: m.emsNo, materials: "1-100", products: "1-100" }, incremental: { emsNo: m.emsNo } });
    expect(rows[0].canCancelOrExtend).toBe(true);
  });
});

describe("card signatures (R2)", () => {
  const incremental = async () => {
    const m = await createManual(db, { processingUnitCode: a.enterprise.customsCode });
    return form(a, { incrementalEnabled: true, incrementalEmsNo: m.emsNo });
  };
  const refusedWithNothingWritten = async (run: () => Promise<{ ok: boolean; error?: string }>, message: RegExp) => {
    const before = await counts(a.enterprise.id);
    const audits = await db.auditLog.count({ where: { action: "SIGNATURE_REFUSED", enterpriseId: a.enterprise.id } });
    const result = await run();
    expect(result.ok).toBe(false);
    expect(result.error).toMatch(message);
    expect(await counts(a.enterprise.id)).toEqual(before);
    expect(await db.auditLog.count({ where: { action: "SIGNATURE_REFUSED", enterpriseId: a.enterprise.id } })).toBe(audits + 1);
  };
  const run = (request: { payload: unknown; proof: unknown }) =>
    runSignedAction({ actor: actorFor(a), definition: signedActionOf("SUBSCRIBE"), request });

  test("an operator card cannot subscribe", async () => {
    const payload = await incremental();
    await refusedWithNothingWritten(async () => subscribe(a, payload, a.operatorCard), /法人卡/);
  });

  test("another enterprise's card is refused", async () => {
    const payload = await incremental();
    await refusedWithNothingWritten(async () => subscribe(a, payload, b.legalCard), /非本企业卡/);
  });

  test("a signature by another key is refused", async () => {
    const payload = await incremental();
    const forged = { ...a.legalCard, privateKey: b.legalCard.privateKey, publicKey: b.legalCard.publicKey };
    await refusedWithNothingWritten(async () => subscribe(a, payload, forged), /签名验证失败/);
  });

  test("a replayed challenge is refused", async () => {
    const payload = await incremental();
    const request = await signRequest({ fixture: a, action: "SUBSCRIBE", payload });
    expect((await run(request)).ok).toBe(true);
    await refusedWithNothingWritten(() => run(request), /已使用过/);
  });

  test("an expired challenge is refused", async () => {
    const payload = await incremental();
    const request = await signRequest({ fixture: a, action: "SUBSCRIBE", payload, now: new Date(Date.now() - 3 * 60_000) });
    await refusedWithNothingWritten(() => run(request), /已过期/);
  });

  test("a payload changed after signing is refused", async () => {
    const payload = await incremental();
    const request = await signRequest({ fixture: a, action: "SUBSCRIBE", payload });
    await refusedWithNothingWritten(() => run({ ...request, payload: { ...payload, validUntil: today() } }), /被修改/);
  });

  test("a challenge of another action is refused", async () => {
    const payload = await incremental();
    const request = await signRequest({ fixture: a, action: "CANCEL", payload: { subscriptionId: 1 } });
    await refusedWithNothingWritten(() => run({ payload, proof: request.proof }), /签名请求无效/);
  });

  test("a malformed proof is refused", async () => {
    const payload = await incremental();
    const result = await run({ payload, proof: { challengeId: "x", cardNo: "1", signature: "zz" } });
    expect(result).toMatchObject({ ok: false, code: "INVALID_INPUT" });
  });
});

describe("cancel and extend (R10, R11)", () => {
  const cancel = async (fixture: Fixture, subscriptionId: number) => {
    const request = await signRequest({ fixture, action: "CANCEL", payload: { subscriptionId } });
    return runSignedAction({ actor: actorFor(fixture), definition: signedActionOf("CANCEL"), request });
  };
  const extend = async (fixture: Fixture, subscriptionId: number, validUntil: string) => {
    const request = await signRequest({ fixture, action: "EXTEND", payload: { subscriptionId, validUntil } });
    return runSignedAction({ actor: actorFor(fixture), definition: signedActionOf("EXTEND"), request });
  };

  test("cancel an ACTIVE incremental record; then it cannot be cancelled or extended again", async () => {
    const m = await createManual(db, { processingUnitCode: a.enterprise.customsCode });
    const sub = await createSubscription(db, a, m);
    expect((await cancel(a, sub.id)).ok).toBe(true);
    const row = await db.subscription.findUniqueOrThrow({ where: { id: sub.id } });
    expect(row.status).toBe("CANCELLED");
    expect(row.cancelledAt).not.toBeNull();
    expect(await cancel(a, sub.id)).toMatchObject({ ok: false, error: expect.stringContaining("当前有效") });
    expect(await extend(a, sub.id, addYearsToDay(today(), 1))).toMatchObject({ ok: false });
  });

  test("stock-only records cannot be cancelled or extended", async () => {
    const m = await createManual(db, { processingUnitCode: a.enterprise.customsCode, materials: 10 });
    const sub = await createSubscription(db, a, m, { incremental: false });
    expect(await cancel(a, sub.id)).toMatchObject({ ok: false, error: expect.stringContaining("存量") });
    expect(await extend(a, sub.id, addYearsToDay(today(), 1))).toMatchObject({ ok: false, error: expect.stringContaining("存量") });
    expect((await db.subscription.findUniqueOrThrow({ where: { id: sub.id } })).status).toBe("ACTIVE");
  });

  test("another enterprise's record is neither cancelled nor extended", async () => {
    const m = await createManual(db, { processingUnitCode: a.enterprise.customsCode });
    const sub = await createSubscription(db, a, m);
    expect(await cancel(b, sub.id)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await extend(b, sub.id, addYearsToDay(today(), 1))).toMatchObject({ ok: false, code: "NOT_FOUND" });
    const row = await db.subscription.findUniqueOrThrow({ where: { id: sub.id } });
    expect(row.status).toBe("ACTIVE");
    expect(row.validUntil).toEqual(sub.validUntil);
  });

  test("extend: later than now, at most a year from today; an expired record cannot be extended", async () => {
    const m = await createManual(db, { processingUnitCode: a.enterprise.customsCode });
    const sub = await createSubscription(db, a, m, { validUntil: new Date(Date.now() + 10 * 86_400_000) });
    expect(await extend(a, sub.id, today())).toMatchObject({ ok: false, fieldErrors: { validUntil: expect.stringContaining("晚于当前") } });
    expect(await extend(a, sub.id, "2099-01-01")).toMatchObject({ ok: false, fieldErrors: { validUntil: expect.stringContaining("一年") } });
    const target = addYearsToDay(today(), 1);
    expect((await extend(a, sub.id, target)).ok).toBe(true);
    expect(formatShanghaiDateTime((await db.subscription.findUniqueOrThrow({ where: { id: sub.id } })).validUntil)).toBe(`${target} 23:59:59`);
    const m2 = await createManual(db, { processingUnitCode: a.enterprise.customsCode });
    const expired = await createSubscription(db, a, m2, { validUntil: new Date(Date.now() - 1000) });
    expect(await extend(a, expired.id, target)).toMatchObject({ ok: false, error: expect.stringContaining("当前有效") });
  });
});

describe("records list (R9)", () => {
  test("own records only, newest first, numbered pages with the total, filters", async () => {
    const fixture = await createEnterprise(db);
    const other = await createEnterprise(db);
    const created: { id: number }[] = [];
    for (let i = 0; i < 5; i++) {
      const m = await createManual(db, { processingUnitCode: fixture.enterprise.customsCode, materials: 5 });
      created.push(await createSubscription(db, fixture, m, { incremental: i % 2 === 0, status: i === 0 ? "CANCELLED" : "ACTIVE" }));
    }
    await createSubscription(db, other, await createManual(db, { processingUnitCode: other.enterprise.customsCode }));
    const scope = { enterpriseId: fixture.enterprise.id };
    const first = await listSubscriptions({ db, scope, pageSize: 2 });
    expect(first).toMatchObject({ total: 5, page: 1, pageCount: 3 });
    expect(first.rows.map((r) => r.id)).toEqual([created[4].id, created[3].id]);
    const second = await listSubscriptions({ db, scope, pageSize: 2, page: 2 });
    expect(second.rows.map((r) => r.id)).toEqual([created[2].id, created[1].id]);
    const third = await listSubscriptions({ db, scope, pageSize: 2, page: 3 });
    expect(third.rows.map((r) => r.id)).toEqual([created[0].id]);
    // A page past the last shows the last.
    expect((await listSubscriptions({ db, scope, pageSize: 2, page: 99 })).page).toBe(3);
    expect((await listSubscriptions({ db, scope, filters: { kind: "STOCK" } })).total).toBe(2);
    expect((await listSubscriptions({ db, scope, filters: { kind: "STOCK" } })).rows).toHaveLength(2);
    expect((await listSubscriptions({ db, scope, filters: { status: "CANCELLED" } })).rows.map((r) => r.id)).toEqual([created[0].id]);
    const all = await listSubscriptions({ db, scope });
    expect(all.rows.every((r) => r.customsCode === fixture.enterprise.customsCode)).toBe(true);
    expect(all.rows.find((r) => r.id === created[0].id)?.canCancelOrExtend).toBe(false);
    expect(all.rows.find((r) => r.id === created[1].id)?.canCancelOrExtend).toBe(false);
    expect(all.rows.find((r) => r.id === created[2].id)?.canCancelOrExtend).toBe(true);
  });
});
