// Demo data for an empty database: three enterprises with users, cards and import clients, a customs admin,
// and three manuals (a small and a large one processed by enterprise 1, one processed by enterprise 2).
import { hash } from "@node-rs/argon2";
import { resolveAppMode } from "@/lib/config/env";
import type { Db } from "@/lib/db/client";
import { demoCards } from "./cards";
import { demoRow } from "./goods";

export const DEMO_PASSWORD = "Demo@2026";
/** Read when seeding, so that a caller (the e2e server) can point the demo clients at its own import client. */
const demoImportClientUrl = () => process.env.DEMO_IMPORT_CLIENT_URL ?? "http://127.0.0.1:8787/push";

export const demoEnterprises = [
  {
    customsCode: "3201931234",
    uscc: "91320100MA1XYZ1234",
    name: "苏州华芯电子科技有限公司",
    user: "SW10000001",
    userName: "周敏",
    clients: ["3201000001", "3201000002"],
  },
  {
    customsCode: "4403940123",
    uscc: "91440300MA5ABC5678",
    name: "深圳前海精密制造有限公司",
    user: "SW10000002",
    userName: "黄磊",
    clients: ["4403000001", "4403000002"],
  },
  {
    customsCode: "5300960A12",
    uscc: "91530100MA6DEF9012",
    name: "昆明滇南服装加工有限公司",
    user: "SW10000003",
    userName: "杨帆",
    clients: ["5300000001", "5300000002"],
  },
];
export const demoAdmin = { accountCode: "SW90000001", name: "海关管理员" };

export const demoManuals = [
  { emsNo: "E32012500001", unit: 0, materials: 60, products: 25 },
  { emsNo: "E32012500002", unit: 0, materials: 25_000, products: 12_000 },
  { emsNo: "E44032500003", unit: 1, materials: 40, products: 15 },
];

const CHUNK = 5_000;

export async function seedDemoData(options: { db: Db }): Promise<{ seeded: boolean }> {
  // The demo password and card keys are public (README, lib/demo/cards.ts): never written in production,
  // whoever calls. Read from the environment, not a parameter, so no caller can pass its way past it.
  if (resolveAppMode(process.env) === "production") throw new Error("demo data is never written in production (APP_MODE=production)");
  const { db } = options;
  if ((await db.enterprise.count()) > 0) return { seeded: false };
  const passwordHash = await hash(DEMO_PASSWORD);
  const endpointUrl = demoImportClientUrl();

  await db.user.create({ data: { accountCode: demoAdmin.accountCode, name: demoAdmin.name, passwordHash, role: "CUSTOMS_ADMIN" } });
  const enterprises = [];
  for (const spec of demoEnterprises) {
    const enterprise = await db.enterprise.create({ data: { customsCode: spec.customsCode, uscc: spec.uscc, name: spec.name } });
    enterprises.push(enterprise);
    await db.user.create({
      data: { accountCode: spec.user, name: spec.userName, passwordHash, role: "ENTERPRISE_USER", enterpriseId: enterprise.id },
    });
    const cards = demoCards.filter((c) => c.enterpriseCustomsCode === spec.customsCode);
    await db.card.createMany({
      data: cards.map((c) => ({ cardNo: c.cardNo, kind: c.kind, holder: c.holder, publicKey: c.publicKey, enterpriseId: enterprise.id })),
    });
    const legal = cards.find((c) => c.kind === "LEGAL_PERSON")!;
    await db.importClient.createMany({
      data: [
        { clientId: spec.clients[0], name: "生产系统导入客户端", enterpriseId: enterprise.id, boundCardNo: legal.cardNo, endpointUrl },
        { clientId: spec.clients[1], name: "备用导入客户端（未绑定）", enterpriseId: enterprise.id, endpointUrl },
      ],
    });
  }

  for (const spec of demoManuals) {
    const unit = enterprises[spec.unit];
    const manual = await db.manual.create({
      data: {
        emsNo: spec.emsNo,
        seqNo: `2025000000${spec.emsNo.slice(-8)}`,
        etpsPreentNo: `NB-${spec.emsNo.slice(-5)}`,
        emsTypecd: "E",
        bizopEtpsno: unit.customsCode,
        bizopEtpsSccd: unit.uscc,
        bizopEtpsNm: unit.name,
        rcvgdEtpsno: unit.customsCode,
        rvsngdEtpsSccd: unit.uscc,
        rcvgdEtpsNm: unit.name,
        dclEtpsno: unit.customsCode,
        dclEtpsSccd: unit.uscc,
        dclEtpsNm: unit.name,
        masterCuscd: unit.customsCode.slice(0, 4),
        dclTypecd: "1",
        finishValidDate: new Date("2028-12-31"),
        chgTmsCnt: 0,
        mtpckItemCnt: spec.materials,
        endprdItemCnt: spec.products,
        putrecApprTime: new Date("2025-03-05T06:02:11Z"),
      },
    });
    for (let from = 1; from <= spec.materials; from += CHUNK) {
      const to = Math.min(spec.materials, from + CHUNK - 1);
      await db.manualMaterial.createMany({
        data: range(from, to).map((n) => ({ manualId: manual.id, ...demoRow("material", n), adjmtrMarkcd: n % 7 === 0 ? "2" : "1" })),
      });
    }
    for (let from = 1; from <= spec.products; from += CHUNK) {
      const to = Math.min(spec.products, from + CHUNK - 1);
      await db.manualProduct.createMany({ data: range(from, to).map((n) => ({ manualId: manual.id, ...demoRow("product", n) })) });
    }
  }
  return { seeded: true };
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
