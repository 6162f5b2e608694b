// JSON shapes of ManualChange (R19): what customs submits (headChanges, materialChanges, productChanges) and
// what approval fixes for the INCREMENT push (approvedSnapshot). Decimals are strings normalised to the
// database's numeric(19,5) text ("1.25" → "1.25000"), so a pushed value is exactly the stored one.
import { z } from "zod";
import { MAX_DB_INTEGER, ZEmsNo } from "@/lib/validations/identifiers";

const DECIMAL_19_5 = /^(-?)(\d{1,14})(?:\.(\d{1,5}))?$/;

/** The text PostgreSQL gives for a numeric(19,5) value. */
export function formatDecimal19_5(value: string): string {
  const match = DECIMAL_19_5.exec(value);
  if (!match) throw new Error(`not a numeric(19,5) value: ${value}`);
  const integer = match[2].replace(/^0+(?=\d)/, "");
  const fraction = (match[3] ?? "").padEnd(5, "0");
  const negative = match[1] === "-" && !(integer === "0" && fraction === "00000");
  return `${negative ? "-" : ""}${integer}.${fraction}`;
}

const ZDecimal = z
  .union([z.string().trim(), z.number().transform(String)])
  .refine((v) => DECIMAL_19_5.test(v), "manuals.decimalFormat")
  .transform(formatDecimal19_5);

// Lengths from data-fields.md; the free-text names and 规格型号, which it leaves open, take the customs
// message's 512 characters, so that no field can carry an unbounded string into the database and the pushes.
const MAX_TEXT = 512;
const code = (max: number) => z.string().trim().min(1).max(max, "validation.maxLength");
const optionalCode = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "validation.maxLength")
    .nullish()
    .transform((v) => (v ? v : null));
const text = code(MAX_TEXT);
const optionalText = optionalCode(MAX_TEXT);

/** `yyyyMMdd` or `yyyy-MM-dd`, a calendar date (stored at UTC midnight, as Prisma reads @db.Date). */
const ZCalendarDate = z
  .string()
  .trim()
  .regex(/^\d{4}-?\d{2}-?\d{2}$/, "manuals.dateFormat")
  .transform((v, ctx) => {
    const digits = v.replaceAll("-", "");
    const date = new Date(`${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6)}T00:00:00Z`);
    if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10).replaceAll("-", "") !== digits) {
      ctx.addIssue({ code: "custom", message: "manuals.dateInvalid" });
      return z.NEVER;
    }
    return date;
  });

/** 序号 and 变更次数 are PostgreSQL integers. */
const ZSerialNo = z.number().int().positive().max(MAX_DB_INTEGER);

const rowFields = {
  gdsSeqno: ZSerialNo,
  gdsMtno: code(64),
  gdecd: code(10),
  gdsNm: text,
  endprdGdsSpcfModelDesc: optionalText,
  dclUnitcd: code(3),
  lawfUnitcd: code(3),
  secdLawfUnitcd: optionalCode(3),
  dclUprcAmt: ZDecimal.nullish().transform((v) => v ?? null),
  dclQty: ZDecimal.nullish().transform((v) => v ?? null),
  dclCurrcd: optionalCode(3),
  natcd: optionalCode(3),
  lvyrlfModecd: optionalCode(1),
};

const ZDeletedRow = z.object({ modfMarkcd: z.literal("2"), gdsSeqno: ZSerialNo });

/** A changed material: 1 modified or 3 added carry the whole new row; 2 deleted names the serial number. */
export const ZMaterialChange = z.discriminatedUnion("modfMarkcd", [
  z.object({ modfMarkcd: z.enum(["1", "3"]), ...rowFields, adjmtrMarkcd: optionalCode(1) }),
  ZDeletedRow,
]);
export const ZProductChange = z.discriminatedUnion("modfMarkcd", [z.object({ modfMarkcd: z.enum(["1", "3"]), ...rowFields }), ZDeletedRow]);

/** Header fields a change may set; EmsNo is fixed, ChgTmsCnt/ChgApprTime and the item counts follow from approval. */
export const ZHeadChanges = z
  .object({
    seqNo: optionalCode(18),
    etpsPreentNo: optionalCode(64),
    emsTypecd: optionalCode(4),
    bizopEtpsno: code(10),
    bizopEtpsSccd: optionalCode(18),
    bizopEtpsNm: text,
    rcvgdEtpsno: code(10),
    rvsngdEtpsSccd: optionalCode(18),
    rcvgdEtpsNm: text,
    dclEtpsno: optionalCode(10),
    dclEtpsSccd: optionalCode(18),
    dclEtpsNm: optionalText,
    masterCuscd: code(4),
    dclTypecd: z.enum(["1", "2"]),
    finishValidDate: ZCalendarDate,
  })
  .partial()
  .strict();

export const ZMaterialChanges = z.array(ZMaterialChange).superRefine(uniqueSerialNumbers);
export const ZProductChanges = z.array(ZProductChange).superRefine(uniqueSerialNumbers);

function uniqueSerialNumbers(rows: { gdsSeqno: number }[], ctx: z.RefinementCtx) {
  const seen = new Set<number>();
  for (const row of rows) {
    if (seen.has(row.gdsSeqno)) ctx.addIssue({ code: "custom", message: "manuals.duplicateSeqno", params: { seqno: row.gdsSeqno } });
    seen.add(row.gdsSeqno);
  }
}

/** A change as the upstream customs system submits it. */
export const ZManualChangeInput = z.object({
  emsNo: ZEmsNo,
  chgTmsCnt: ZSerialNo,
  headChanges: ZHeadChanges.nullish().transform((v) => (v && Object.keys(v).length ? v : null)),
  materialChanges: ZMaterialChanges.default([]),
  productChanges: ZProductChanges.default([]),
});

export type TManualChangeInput = z.infer<typeof ZManualChangeInput>;
export type TMaterialChange = z.infer<typeof ZMaterialChange>;
export type TProductChange = z.infer<typeof ZProductChange>;
export type THeadChanges = z.infer<typeof ZHeadChanges>;

const ZSnapshotRow = z.object({
  gdsSeqno: z.number().int(),
  gdsMtno: z.string(),
  gdecd: z.string(),
  gdsNm: z.string(),
  endprdGdsSpcfModelDesc: z.string().nullable(),
  dclUnitcd: z.string(),
  lawfUnitcd: z.string(),
  secdLawfUnitcd: z.string().nullable(),
  dclUprcAmt: z.string().nullable(),
  dclQty: z.string().nullable(),
  dclCurrcd: z.string().nullable(),
  natcd: z.string().nullable(),
  lvyrlfModecd: z.string().nullable(),
  adjmtrMarkcd: z.string().nullable().optional(),
  modfMarkcd: z.enum(["1", "2", "3"]),
});

/** ManualChange.approvedSnapshot: the header after the change and the changed rows (deleted rows as they were). */
export const ZApprovedSnapshot = z.object({
  head: z.object({
    seqNo: z.string().nullable(),
    emsNo: z.string(),
    etpsPreentNo: z.string().nullable(),
    emsTypecd: z.string().nullable(),
    bizopEtpsno: z.string(),
    bizopEtpsSccd: z.string().nullable(),
    bizopEtpsNm: z.string(),
    rcvgdEtpsno: z.string(),
    rvsngdEtpsSccd: z.string().nullable(),
    rcvgdEtpsNm: z.string(),
    dclEtpsno: z.string().nullable(),
    dclEtpsSccd: z.string().nullable(),
    dclEtpsNm: z.string().nullable(),
    masterCuscd: z.string(),
    dclTypecd: z.string(),
    finishValidDate: z.coerce.date(),
    chgTmsCnt: z.number().int(),
    mtpckItemCnt: z.number().int(),
    endprdItemCnt: z.number().int(),
    putrecApprTime: z.coerce.date(),
    chgApprTime: z.coerce.date().nullable(),
  }),
  materials: z.array(ZSnapshotRow),
  products: z.array(ZSnapshotRow),
});

export type TApprovedSnapshot = z.infer<typeof ZApprovedSnapshot>;
