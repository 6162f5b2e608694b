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
    const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    if (!ZClientId.safeParse(form.clientId).success) issue("clientId", "请选择接收订阅数据的导入客户端");
    if (!form.stockEnabled && !form.incrementalEnabled) issue("stockEnabled", "请至少选择存量或增量数据订阅");
    if (form.stockEnabled) {
      const emsNo = ZEmsNo.safeParse(form.stockEmsNo);
      if (!emsNo.success) issue("stockEmsNo", emsNo.error.issues[0].message);
      if (!form.pushMaterials && !form.pushProducts) issue("pushMaterials", "请至少勾选一种推送类型（料件、成品）");
      if (form.pushMaterials) checkRange(form.materialFrom, form.materialTo, "material", issue);
      if (form.pushProducts) checkRange(form.productFrom, form.productTo, "product", issue);
    }
    if (form.incrementalEnabled) {
      const emsNo = ZEmsNo.safeParse(form.incrementalEmsNo);
      if (!emsNo.success) issue("incrementalEmsNo", emsNo.error.issues[0].message);
    }
    if (!isCalendarDay(form.validUntil)) issue("validUntil", "请选择订阅有效期");
  });

export type TSubscribeForm = z.infer<typeof ZSubscribeForm>;

/** R4: both bounds empty (whole table) or whole numbers from ≤ to covering at most 10,000 serial numbers. */
function checkRange(from: string, to: string, table: "material" | "product", issue: (path: string, message: string) => void) {
  if (from === "" && to === "") return;
  const label = table === "material" ? "料件" : "成品";
  const fromValue = Number(from);
  const toValue = Number(to);
  const valid = (v: string, n: number) => /^\d+$/.test(v) && Number.isSafeInteger(n) && n >= 1;
  if (!valid(from, fromValue) || !valid(to, toValue)) {
    return issue(`${table}From`, `${label}序号范围应为正整数，如 1-100；留空表示全部`);
  }
  if (fromValue > toValue) return issue(`${table}From`, `${label}起始序号不能大于截止序号`);
  if (toValue - fromValue + 1 > MAX_RANGE_SIZE) {
    issue(`${table}From`, `${label}序号范围每次最多 ${MAX_RANGE_SIZE} 条，请分多次订阅`);
  }
}

export const ZCancelRequest = z.object({ subscriptionId: ZRecordId });
export const ZExtendRequest = z.object({
  subscriptionId: ZRecordId,
  validUntil: z.string().trim().refine(isCalendarDay, "请选择新的有效期"),
});
