// Request bodies of the ingestion API (docs/ingestion-api.md), built on the manual change shapes of
// lib/manuals/change-schema.ts so that a row or header field has one rule whichever way it arrives.
import { z } from "zod";
import { ZHeadChanges, ZManualChangeInput, ZMaterialChange, ZProductChange } from "@/lib/manuals/change-schema";
import { parseShanghaiDateTime } from "@/lib/time/shanghai";
import { MAX_DB_INTEGER, ZCustomsCode, ZEmsNo } from "@/lib/validations/identifiers";

/** Header plus rows of one request (R19): larger manuals arrive in several requests. */
export const MAX_ROWS_PER_REQUEST = 10_000;

export const ZRequestId = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/, "ingestion.requestIdFormat");

const ZShanghaiDateTime = z
  .string()
  .trim()
  .transform((value, ctx) => {
    const at = parseShanghaiDateTime(value);
    if (!at) ctx.addIssue({ code: "custom", message: "ingestion.timeFormat" });
    return at ?? z.NEVER;
  });

/** The whole header of a manual (NemsHead); ChgTmsCnt is the change count the data reflects. */
export const ZManualHeadInput = ZHeadChanges.required({ bizopEtpsNm: true, rcvgdEtpsNm: true, dclTypecd: true, finishValidDate: true }).extend({
  emsNo: ZEmsNo,
  bizopEtpsno: ZCustomsCode,
  // R1 compares it with the subscribing enterprise's 海关十位.
  rcvgdEtpsno: ZCustomsCode,
  masterCuscd: z
    .string()
    .trim()
    .regex(/^\d{4}$/, "ingestion.customsFormat"),
  chgTmsCnt: z.number().int().min(0).max(MAX_DB_INTEGER).default(0),
  putrecApprTime: ZShanghaiDateTime,
  chgApprTime: ZShanghaiDateTime.nullish(),
});

// A filed row is the "added" variant of a changed row without its ModfMarkcd.
const ZMaterialRow = ZMaterialChange.options[0].omit({ modfMarkcd: true }).strict();
const ZProductRow = ZProductChange.options[0].omit({ modfMarkcd: true }).strict();

function rowLimits(request: { materials: { gdsSeqno: number }[]; products: { gdsSeqno: number }[] }, ctx: z.RefinementCtx) {
  const total = request.materials.length + request.products.length;
  if (total > MAX_ROWS_PER_REQUEST) {
    ctx.addIssue({
      code: "custom",
      path: [],
      message: "ingestion.tooManyRows",
      params: { max: MAX_ROWS_PER_REQUEST, total },
    });
  }
  for (const table of ["materials", "products"] as const) {
    const seen = new Set<number>();
    request[table].forEach((row, index) => {
      if (seen.has(row.gdsSeqno))
        ctx.addIssue({ code: "custom", path: [table, index, "gdsSeqno"], message: "manuals.duplicateSeqno", params: { seqno: row.gdsSeqno } });
      seen.add(row.gdsSeqno);
    });
  }
}

export const ZManualUpsertRequest = z
  .object({
    requestId: ZRequestId,
    head: ZManualHeadInput,
    materials: z.array(ZMaterialRow).default([]),
    products: z.array(ZProductRow).default([]),
  })
  .strict()
  .superRefine(rowLimits);
export type TManualUpsertRequest = z.infer<typeof ZManualUpsertRequest>;

export const ZChangeSubmitRequest = ZManualChangeInput.extend({ requestId: ZRequestId })
  .strict()
  .superRefine((request, ctx) => {
    if (!request.headChanges && request.materialChanges.length === 0 && request.productChanges.length === 0) {
      ctx.addIssue({ code: "custom", path: [], message: "ingestion.emptyChange" });
    }
    const total = request.materialChanges.length + request.productChanges.length;
    if (total > MAX_ROWS_PER_REQUEST) {
      ctx.addIssue({ code: "custom", path: [], message: "ingestion.tooManyChangeRows", params: { max: MAX_ROWS_PER_REQUEST, total } });
    }
  });
export type TChangeSubmitRequest = z.infer<typeof ZChangeSubmitRequest>;
