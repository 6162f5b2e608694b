// The subscription request (manual §1, R3–R7): one flat schema validates the form in the browser and the
// request on the server, so every message appears next to its field.
import { z } from "zod";
import { isCalendarDay } from "@/lib/time/shanghai";
import { ZClientId, ZEmsNo, ZRecordId } from "./identifiers";

export const MAX_RANGE_SIZE = 10_000;

const ZRangeBound = z.string().trim().max(9);

export const ZSubscribeForm = z
  .object({
    clientId: z.string().trim(),
    stockEnabled: z.boolean(),
    incrementalEnabled: z.boolean(),
    stockEmsNo: z.string().trim().toUpperCase(),
    pushMaterials: z.boolean(),
    pushProducts: z.boolean(),
    materialFrom: ZRangeBound,
    materialTo: ZRangeBound,
    productFrom: ZRangeBound,
    productTo: ZRangeBound,
    incrementalEmsNo: z.string().trim().toUpperCase(),
    validUntil: z.string().trim(),
  })
  .superRefine((form, ctx) => {
    const issue = (path: string, message: string, params?: Record<string, string | number>) =>
      ctx.addIssue({ code: "custom", path: [path], message, params });
    if (!ZClientId.safeParse(form.clientId).success) issue("clientId", "subscriptions.clientRequired");
    if (!form.stockEnabled && !form.incrementalEnabled) issue("stockEnabled", "subscriptions.kindRequired");
    if (form.stockEnabled) {
      const emsNo = ZEmsNo.safeParse(form.stockEmsNo);
      if (!emsNo.success) issue("stockEmsNo", emsNo.error.issues[0].message);
      if (!form.pushMaterials && !form.pushProducts) issue("pushMaterials", "subscriptions.pushTypeRequired");
      if (form.pushMaterials) checkRange(form.materialFrom, form.materialTo, "material", issue);
      if (form.pushProducts) checkRange(form.productFrom, form.productTo, "product", issue);
    }
    if (form.incrementalEnabled) {
      const emsNo = ZEmsNo.safeParse(form.incrementalEmsNo);
      if (!emsNo.success) issue("incrementalEmsNo", emsNo.error.issues[0].message);
    }
    if (!isCalendarDay(form.validUntil)) issue("validUntil", "subscriptions.validUntilRequired");
  });

export type TSubscribeForm = z.infer<typeof ZSubscribeForm>;

/** R4: both bounds empty (whole table) or whole numbers from ≤ to covering at most 10,000 serial numbers. */
function checkRange(
  from: string,
  to: string,
  table: "material" | "product",
  issue: (path: string, message: string, params: Record<string, string | number>) => void,
) {
  if (from === "" && to === "") return;
  const fromValue = Number(from);
  const toValue = Number(to);
  const valid = (v: string, n: number) => /^\d+$/.test(v) && Number.isSafeInteger(n) && n >= 1;
  if (!valid(from, fromValue) || !valid(to, toValue)) {
    return issue(`${table}From`, "subscriptions.rangeFormat", { table });
  }
  if (fromValue > toValue) return issue(`${table}From`, "subscriptions.rangeOrder", { table });
  if (toValue - fromValue + 1 > MAX_RANGE_SIZE) {
    issue(`${table}From`, "subscriptions.rangeTooLarge", { table, max: MAX_RANGE_SIZE });
  }
}

export const ZCancelRequest = z.object({ subscriptionId: ZRecordId });
export const ZExtendRequest = z.object({
  subscriptionId: ZRecordId,
  validUntil: z.string().trim().refine(isCalendarDay, "subscriptions.newValidUntilRequired"),
});
