// R18 CSV export: the filtered set as Excel-ready CSV (UTF-8 BOM, quoted fields, Shanghai times), streamed in
// keyset batches so that 100,000 rows take no more memory than one batch.
import { beforeAll, describe, expect, test, vi } from "vitest";
import { GET as exportPushMessages } from "@/app/api/admin/export/push-messages/route";
import { GET as exportSubscriptions } from "@/app/api/admin/export/subscriptions/route";
import type { SessionUser } from "@/lib/auth/credentials";
import { db } from "@/lib/db/client";
import { createCustomsAdmin, createEnterprise, createManual, createStockSubscription, createSubscription } from "../support/factories";
import { peakRetainedDuring } from "../support/heap";
import { adminSession } from "../support/sessions";

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/session", () => ({ getSessionUser: async () => session.user }));

type Fixture = Awaited<ReturnType<typeof createEnterprise>>;
let fixture: Fixture;
let manual: { id: number; emsNo: string };

beforeAll(async () => {
  session.user = adminSession(await createCustomsAdmin(db));
  fixture = await createEnterprise(db, { name: '华芯 "精密", 电子' });
  manual = await createManual(db, { processingUnitCode: fixture.enterprise.customsCode, materials: 10 });
});

const exportUrl = (path: string, query: Record<string, string>) => `http://localhost/api/admin/export/${path}?${new URLSearchParams(query)}`;

describe("CSV export", () => {
  test("subscriptions: BOM, Chinese header, quoted fields, only the filtered rows, audited", async () => {
    const incremental = await createSubscription(db, fixture, manual);
    const stock = await createStockSubscription(db, fixture, manual);
    const response = await exportSubscriptions(new Request(exportUrl("subscriptions", { customsCode: fixture.enterprise.customsCode })));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    // Named by its filter; without a day range, by the export time.
    expect(response.headers.get("content-disposition")).toMatch(
      new RegExp(`^attachment; filename="subscriptions_${fixture.enterprise.customsCode}_\\d{12}\\.csv"; filename\\*=UTF-8''`),
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).split("\r\n");
    expect(lines[0]).toBe("记录编号,海关十位,企业名称,客户端ID,签名卡号,持卡人,订阅内容,录入人,订阅时间,有效期,状态,推送报文数");
    expect(lines.slice(1, -1).map((line) => line.split(",")[0])).toEqual([String(stock.id), String(incremental.id)]);
    expect(lines[1]).toContain(`"华芯 ""精密"", 电子"`);
    expect(lines[1]).toContain(`="${fixture.legalCard.cardNo}"`);
    expect(lines[2]).toContain(`账册增量数据订阅: 账册号[${manual.emsNo}]`);
    expect(lines.at(-1)).toBe("");
    expect(await db.auditLog.count({ where: { action: "EXPORT", targetType: "subscriptions", actorUserId: session.user!.id } })).toBeGreaterThan(0);
  });

  test("subscriptions: one past validUntil exports as 已失效 and is found by the status filter (R12)", async () => {
    const lapsedFixture = await createEnterprise(db);
    const lapsed = await createSubscription(db, lapsedFixture, manual, { validUntil: new Date(Date.now() - 1_000) });
    const exported = async (query: Record<string, string>) => {
      const response = await exportSubscriptions(
        new Request(exportUrl("subscriptions", { customsCode: lapsedFixture.enterprise.customsCode, ...query })),
      );
      return new TextDecoder()
        .decode(await response.arrayBuffer())
        .split("\r\n")
        .slice(1, -1)
        .map((line) => line.split(","));
    };
    expect((await exported({})).map((cells) => [cells[0], cells[10]])).toEqual([[String(lapsed.id), "已失效"]]);
    expect((await exported({ status: "EXPIRED" })).map((cells) => cells[0])).toEqual([String(lapsed.id)]);
    expect(await exported({ status: "ACTIVE" })).toEqual([]);
  });

  test("the file name says what was filtered, in the admin's words, with the day range", async () => {
    const response = await exportPushMessages(
      new Request(exportUrl("push-messages", { emsNo: manual.emsNo.toLowerCase(), status: "FAILED", dateFrom: "2026-12-01", dateTo: "2026-12-02" })),
    );
    expect(response.status).toBe(200);
    await response.body?.cancel();
    const disposition = response.headers.get("content-disposition")!;
    expect(disposition).toContain(`filename="push-messages_${manual.emsNo}_FAILED_20261201-20261202.csv"`);
    expect(decodeURIComponent(disposition.split("filename*=UTF-8''")[1])).toBe(`推送报文_${manual.emsNo}_下发失败_20261201-20261202.csv`);
    const bySubscription = await exportSubscriptions(
      new Request(exportUrl("subscriptions", { kind: "STOCK", status: "ACTIVE", dateTo: "2026-12-02" })),
    );
    await bySubscription.body?.cancel();
    expect(decodeURIComponent(bySubscription.headers.get("content-disposition")!.split("filename*=UTF-8''")[1])).toBe(
      "订阅记录_存量_生效_-20261202.csv",
    );
  });

  test("an invalid filter is 400 with the field's message, not an export of everything", async () => {
    const response = await exportPushMessages(new Request(exportUrl("push-messages", { customsCode: "12", dateFrom: "2026-02-30" })));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: "查询条件有误",
      fields: { customsCode: "海关十位编码应为 10 位数字或大写字母", dateFrom: "日期格式应为 yyyy-MM-dd" },
    });
  });

  test("100,000 subscriptions stream out with bounded memory", async () => {
    const big = await createEnterprise(db);
    const ROWS = 100_000;
    await db.$executeRaw`
      INSERT INTO "Subscription" ("enterpriseId", "importClientId", "signingCardId", "enteredBy", status, "validUntil", "createdAt",
                                  "stockManualId", "stockEmsNo", "pushMaterials", "materialFrom", "materialTo", "signedPayload", signature)
      SELECT ${big.enterprise.id}, ${big.client.id}, ${big.legalCard.id}, ${big.user.accountCode}, 'CANCELLED', now() + interval '1 day',
             now() - make_interval(secs => g), ${manual.id}, ${manual.emsNo}, true, 1, g % 10000 + 1, '{}', '00'
        FROM generate_series(1, ${ROWS}) AS g`;
    try {
      const response = await exportSubscriptions(new Request(exportUrl("subscriptions", { customsCode: big.enterprise.customsCode })));
      const { result, growth } = await peakRetainedDuring(async () => {
        const decoder = new TextDecoder();
        let lines = 0;
        let bytes = 0;
        for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
          bytes += chunk.byteLength;
          lines += decoder.decode(chunk, { stream: true }).split("\r\n").length - 1;
        }
        return { lines, bytes };
      });
      expect(result.lines).toBe(ROWS + 1);
      // The export is well over 10 MB of text (twice that as JS strings, several times that as Prisma rows);
      // streaming keeps what is retained at any time to about one batch of 1,000 rows.
      expect(result.bytes).toBeGreaterThan(10_000_000);
      expect(growth).toBeLessThan(16 * 1024 * 1024);
    } finally {
      await db.subscription.deleteMany({ where: { enterpriseId: big.enterprise.id } });
    }
  });
});
