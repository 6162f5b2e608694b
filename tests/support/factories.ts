// Unique enterprises, users, cards, clients, manuals and subscriptions for tests; nothing shared between tests.
import { hash } from "@node-rs/argon2";
import type { Db } from "@/lib/db/client";
import { sm2KeyPair } from "@/lib/crypto/sm2";

let counter = 0;
const unique = () => `${process.pid % 1000}`.padStart(3, "0") + `${Date.now() % 100000}`.padStart(5, "0") + `${++counter}`.padStart(2, "0");

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
    data: { clientId: `C${u.slice(-9)}`, enterpriseId: enterprise.id, name: "导入客户端", boundCardNo: legalCard.cardNo, endpointUrl: "http://127.0.0.1:8787/push" },
  });
  return {
    enterprise, user, password, client,
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
    manualId: manual.id, gdsSeqno, gdsMtno: `P${gdsSeqno}`, gdecd: "8542319000", gdsNm: `集成电路${gdsSeqno}`,
    dclUnitcd: "007", lawfUnitcd: "007", dclUprcAmt: "1.25000", dclQty: "100.00000", dclCurrcd: "502", natcd: "142", lvyrlfModecd: "3",
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
