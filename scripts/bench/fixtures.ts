// Small fixtures of the benchmark: an enterprise with a user, a legal-person card (with its key, to sign as the
// browser does) and an import client; a manual whose rows are generated in the database, set-based.
import { sm2KeyPair } from "@/lib/crypto/sm2";
import { db } from "@/lib/db/client";

export type BenchEnterprise = Awaited<ReturnType<typeof createBenchEnterprise>>;

export async function createBenchEnterprise(options: { code: number; endpointUrl: string }) {
  const code = String(options.code).padStart(8, "0");
  const enterprise = await db.enterprise.create({
    data: { customsCode: `32${code}`, uscc: `9132${code}MA1XX`.padEnd(18, "0"), name: `压测企业${code}` },
  });
  const keys = sm2KeyPair();
  const legalCard = await db.card.create({
    data: { cardNo: `86${code}001`, kind: "LEGAL_PERSON", enterpriseId: enterprise.id, holder: "法人", publicKey: keys.publicKey },
  });
  const user = await db.user.create({
    data: { accountCode: `SW${code}`, name: "压测用户", passwordHash: "-", role: "ENTERPRISE_USER", enterpriseId: enterprise.id },
  });
  const client = await db.importClient.create({
    data: {
      clientId: `C${code}0`,
      enterpriseId: enterprise.id,
      name: "压测导入客户端",
      boundCardNo: legalCard.cardNo,
      endpointUrl: options.endpointUrl,
    },
  });
  return { enterprise, user, client, legalCard: { ...legalCard, privateKey: keys.privateKey } };
}

/** A manual of `enterprise` with rows 1…materials and 1…products, each about as large as a real one. */
export async function createBenchManual(options: { customsCode: string; emsNo: string; materials: number; products: number }) {
  const manual = await db.manual.create({
    data: {
      emsNo: options.emsNo,
      bizopEtpsno: options.customsCode,
      bizopEtpsNm: "压测经营企业",
      rcvgdEtpsno: options.customsCode,
      rcvgdEtpsNm: "压测加工单位",
      masterCuscd: "3201",
      dclTypecd: "1",
      finishValidDate: new Date("2035-12-31"),
      putrecApprTime: new Date("2025-01-01T02:00:00Z"),
      mtpckItemCnt: options.materials,
      endprdItemCnt: options.products,
    },
  });
  for (const table of ["ManualMaterial", "ManualProduct"] as const) {
    const count = table === "ManualMaterial" ? options.materials : options.products;
    const adjmtr = table === "ManualMaterial" ? `, "adjmtrMarkcd"` : "";
    const adjmtrValue = table === "ManualMaterial" ? `, '1'` : "";
    await db.$executeRawUnsafe(
      `INSERT INTO "${table}" ("manualId", "gdsSeqno", "gdsMtno", "gdecd", "gdsNm", "endprdGdsSpcfModelDesc", "dclUnitcd",
         "lawfUnitcd", "secdLawfUnitcd", "dclUprcAmt", "dclQty", "dclCurrcd", "natcd", "lvyrlfModecd", "modfMarkcd"${adjmtr})
       SELECT $1, n, 'M' || lpad(n::text, 8, '0'), '8542319000', '集成电路' || n, 'BGA封装 28nm 型号' || n || ' 无铅 卷带包装',
              '007', '007', '035', round((n % 9000) / 100.0 + 0.5, 5), 1000 + (n % 50) * 250, '502', '142', '3', '0'${adjmtrValue}
       FROM generate_series(1, $2::int) AS n`,
      manual.id,
      count,
    );
  }
  return manual;
}
