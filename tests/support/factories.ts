// Unique enterprises, users, cards, clients, manuals and subscriptions for tests; nothing shared between tests.
import { hash } from "@node-rs/argon2";
import type { Db } from "@/lib/db/client";
import { sm2KeyPair } from "@/lib/crypto/sm2";

let counter = 0;
/** 12 digits, unique across test processes and within one. */
const unique = () => `${process.pid % 1000}`.padStart(3, "0") + `${Date.now() % 1_000_000}`.padStart(6, "0") + `${++counter % 1000}`.padStart(3, "0");

export async function createEnterprise(db: Db, overrides: { name?: string } = {}) {
  const u = unique().slice(-10).padStart(10, "0");
  const enterprise = await db.enterprise.create({
    data: { customsCode: u, uscc: `91${u}ABCDEF`.slice(0, 18), name: overrides.name ?? `测试企业${u}` },
  });
  const keys = sm2KeyPair();
  const operatorKeys = sm2KeyPair();
  const legalCard = await db.card.create({
    data: { cardNo: `86${u}1`.slice(0, 13), kind: "LEGAL_PERSON", enterpriseId: enterprise.id, holder: "法人", publicKey: keys.publicKey },
  });
  const operatorCard = await db.card.create({
    data: { cardNo: `86${u}2`.slice(0, 13), kind: "OPERATOR", enterpriseId: enterprise.id, holder: "操作员", publicKey: operatorKeys.publicKey },
  });
  const password = "Passw0rd!";
  const user = await db.user.create({
    data: {
      accountCode: `SW${u.slice(-8)}`,
      name: "测试用户",
      passwordHash: await hash(password),
      role: "ENTERPRISE_USER",
      enterpriseId: enterprise.id,
    },
  });
  const client = await db.importClient.create({
    data: {
      clientId: `C${u.slice(-9)}`,
      enterpriseId: enterprise.id,
      name: "导入客户端",
      boundCardNo: legalCard.cardNo,
      endpointUrl: "http://127.0.0.1:8787/push",
    },
  });
  return {
    enterprise,
    user,
    password,
    client,
    legalCard: { ...legalCard, privateKey: keys.privateKey },
    operatorCard: { ...operatorCard, privateKey: operatorKeys.privateKey },
  };
}

export async function createManual(db: Db, options: { processingUnitCode: string; materials?: number; products?: number }) {
  const emsNo = `E${unique().slice(-11)}`;
  const manual = await db.manual.create({
    data: {
      emsNo,
      bizopEtpsno: options.processingUnitCode,
      bizopEtpsNm: "经营企业",
      rcvgdEtpsno: options.processingUnitCode,
      rcvgdEtpsNm: "加工单位",
      masterCuscd: "5300",
      dclTypecd: "1",
      finishValidDate: new Date("2030-12-31"),
      putrecApprTime: new Date("2025-01-01T02:00:00Z"),
      mtpckItemCnt: options.materials ?? 0,
      endprdItemCnt: options.products ?? 0,
    },
  });
  const row = (gdsSeqno: number) => ({
    manualId: manual.id,
    gdsSeqno,
    gdsMtno: `P${gdsSeqno}`,
    gdecd: "8542319000",
    gdsNm: `集成电路${gdsSeqno}`,
    dclUnitcd: "007",
    lawfUnitcd: "007",
    dclUprcAmt: "1.25000",
    dclQty: "100.00000",
    dclCurrcd: "502",
    natcd: "142",
    lvyrlfModecd: "3",
  });
  const seq = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
  if (options.materials) await db.manualMaterial.createMany({ data: seq(options.materials).map((n) => ({ ...row(n), adjmtrMarkcd: "1" })) });
  if (options.products) await db.manualProduct.createMany({ data: seq(options.products).map(row) });
  return manual;
}

export async function createSubscription(
  db: Db,
  fixture: Awaited<ReturnType<typeof createEnterprise>>,
  manual: { id: number; emsNo: string },
  overrides: Partial<{ validUntil: Date; status: "ACTIVE" | "CANCELLED" | "EXPIRED"; incremental: boolean }> = {},
) {
  const incremental = overrides.incremental ?? true;
  return db.subscription.create({
    data: {
      enterpriseId: fixture.enterprise.id,
      importClientId: fixture.client.id,
      signingCardId: fixture.legalCard.id,
      enteredBy: fixture.user.accountCode,
      status: overrides.status ?? "ACTIVE",
      validUntil: overrides.validUntil ?? new Date(Date.now() + 86_400_000),
      ...(incremental
        ? { incrementalManualId: manual.id, incrementalEmsNo: manual.emsNo }
        : { stockManualId: manual.id, stockEmsNo: manual.emsNo, pushMaterials: true, materialFrom: 1, materialTo: 10 }),
      signedPayload: "{}",
      signature: "00",
    },
  });
}

/** A stock subscription with the given types and ranges (null bounds = whole table). */
export async function createStockSubscription(
  db: Db,
  fixture: Awaited<ReturnType<typeof createEnterprise>>,
  manual: { id: number; emsNo: string },
  options: Partial<{
    materials: { from: number | null; to: number | null } | null;
    products: { from: number | null; to: number | null } | null;
    validUntil: Date;
    status: "ACTIVE" | "CANCELLED" | "EXPIRED";
  }> = {},
) {
  const materials = options.materials === undefined ? { from: 1, to: 10 } : options.materials;
  const products = options.products ?? null;
  return db.subscription.create({
    data: {
      enterpriseId: fixture.enterprise.id,
      importClientId: fixture.client.id,
      signingCardId: fixture.legalCard.id,
      enteredBy: fixture.user.accountCode,
      status: options.status ?? "ACTIVE",
      validUntil: options.validUntil ?? new Date(Date.now() + 86_400_000),
      stockManualId: manual.id,
      stockEmsNo: manual.emsNo,
      pushMaterials: materials !== null,
      materialFrom: materials?.from ?? null,
      materialTo: materials?.to ?? null,
      pushProducts: products !== null,
      productFrom: products?.from ?? null,
      productTo: products?.to ?? null,
      signedPayload: "{}",
      signature: "00",
    },
  });
}

export async function createCustomsAdmin(db: Db) {
  const u = unique().slice(-8);
  return db.user.create({
    data: { accountCode: `HG${u}`, name: "海关管理员", passwordHash: "-", role: "CUSTOMS_ADMIN" },
  });
}

/** A PENDING change of a manual as the upstream customs system submits it (JSON of lib/manuals/change-schema.ts). */
export async function createManualChange(
  db: Db,
  manual: { id: number },
  content: { chgTmsCnt: number; headChanges?: object | null; materialChanges?: object[]; productChanges?: object[] },
) {
  return db.manualChange.create({
    data: {
      manualId: manual.id,
      chgTmsCnt: content.chgTmsCnt,
      headChanges: content.headChanges ?? undefined,
      materialChanges: content.materialChanges ?? [],
      productChanges: content.productChanges ?? [],
    },
  });
}
