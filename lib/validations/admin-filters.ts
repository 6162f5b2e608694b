// Query-string filters of the customs-admin lists and exports (R18–R20), shared by pages and route handlers.
// Unlike the enterprise's own list, a malformed filter is reported, not ignored: an admin must never read
// every enterprise's records because of a mistyped 海关十位.
import { z } from "zod";
import type { Refusal } from "@/lib/errors";
import { issueRefusal, REPORT_INPUT } from "./issue-refusal";
import { auditActions } from "@/lib/audit/log";
import { auditTargetTypes, type AuditTargetType } from "@/lib/audit/targets";
import { isCalendarDay } from "@/lib/time/shanghai";
import { ZAccountCode, ZCardNo, ZClientId, ZCustomsCode, ZEmsNo, ZMessageId, ZRecordId } from "./identifiers";

export type SearchParams = Record<string, string | string[] | undefined>;

/** The first value of a parameter, trimmed; blank means "not filtered". */
const firstValue = (value: unknown) => {
  const first = Array.isArray(value) ? value[0] : value;
  const trimmed = typeof first === "string" ? first.trim() : first;
  return trimmed === "" ? undefined : trimmed;
};
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(firstValue, schema.optional());
const upperCase = (value: unknown) => (typeof value === "string" ? value.toUpperCase() : value);
const optionalCode = <T extends z.ZodType>(schema: T) => z.preprocess((v) => upperCase(firstValue(v)), schema.optional());

const ZDay = z.string().refine(isCalendarDay, "filters.dayFormat");
const dateRange = { dateFrom: optional(ZDay), dateTo: optional(ZDay) };
function orderedDates(filters: { dateFrom?: string; dateTo?: string }, ctx: z.RefinementCtx) {
  if (filters.dateFrom && filters.dateTo && filters.dateFrom > filters.dateTo) {
    ctx.addIssue({ code: "custom", path: ["dateTo"], message: "filters.dateOrder" });
  }
}

export const ZSubscriptionReviewFilters = z
  .object({
    customsCode: optionalCode(ZCustomsCode),
    emsNo: optionalCode(ZEmsNo),
    kind: optional(z.enum(["STOCK", "INCREMENTAL"], "filters.kindInvalid")),
    status: optional(z.enum(["ACTIVE", "CANCELLED", "EXPIRED"], "filters.statusInvalid")),
    ...dateRange,
  })
  .superRefine(orderedDates);
export type TSubscriptionReviewFilters = z.infer<typeof ZSubscriptionReviewFilters>;

export const ZPushMessageReviewFilters = z
  .object({
    customsCode: optionalCode(ZCustomsCode),
    emsNo: optionalCode(ZEmsNo),
    messageId: optional(ZMessageId),
    // DATA: stock and incremental, what the dashboard and the client health view count.
    type: optional(z.enum(["STOCK", "INCREMENT", "TEST", "DATA"], "filters.typeInvalid")),
    status: optional(z.enum(["PENDING", "DELIVERED", "FAILED"], "filters.deliveryStatusInvalid")),
    subscriptionId: optional(z.coerce.number("filters.subscriptionIdInvalid").pipe(ZRecordId)),
    // The messages one change pushed (its review links here), not all INCREMENT messages of its manual.
    manualChangeId: optional(z.coerce.number("filters.changeIdInvalid").pipe(ZRecordId)),
    clientId: optionalCode(ZClientId),
    ...dateRange,
  })
  .superRefine(orderedDates);
export type TPushMessageReviewFilters = z.infer<typeof ZPushMessageReviewFilters>;

/** The client health view; `health` FAILING is lib/import-clients/failing-now.ts. */
export const ZClientHealthFilters = z.object({
  customsCode: optionalCode(ZCustomsCode),
  clientId: optionalCode(ZClientId),
  health: optional(z.enum(["FAILING", "PAUSED", "HEALTHY"], "filters.statusInvalid")),
});
export type TClientHealthFilters = z.infer<typeof ZClientHealthFilters>;

/** How each target's id is written (docs/rules.md §4), so that a mistyped id is reported instead of matching nothing. */
const ZRecordIdText = z.coerce.number("identifiers.recordId").pipe(ZRecordId).transform(String);
const auditTargetIds: Record<AuditTargetType, z.ZodType<string>> = {
  Subscription: ZRecordIdText,
  PushMessage: ZMessageId,
  ImportClient: ZClientId,
  Manual: ZEmsNo,
  ManualChange: ZRecordIdText,
  Card: ZCardNo,
  User: ZAccountCode,
};

export const ZAuditFilters = z
  .object({
    action: optional(z.enum(auditActions, "filters.actionInvalid")),
    outcome: optional(z.enum(["OK", "REFUSED"], "filters.outcomeInvalid")),
    customsCode: optionalCode(ZCustomsCode),
    account: optionalCode(ZAccountCode),
    // "Who did what to X": a type alone lists every target of that type.
    targetType: optional(z.enum(auditTargetTypes, "filters.targetTypeInvalid")),
    targetId: optionalCode(z.string().max(64, "filters.queryTooLong")),
    ...dateRange,
  })
  .superRefine(orderedDates)
  .transform((filters, ctx) => {
    if (!filters.targetId) return filters;
    if (!filters.targetType) {
      ctx.addIssue({ code: "custom", path: ["targetType"], message: "filters.targetTypeRequired" });
      return z.NEVER;
    }
    const id = auditTargetIds[filters.targetType].safeParse(filters.targetId);
    if (!id.success) {
      ctx.addIssue({ code: "custom", path: ["targetId"], message: id.error.issues[0].message });
      return z.NEVER;
    }
    return { ...filters, targetId: id.data };
  });
export type TAuditFilters = z.infer<typeof ZAuditFilters>;

export const ZCardFilters = z.object({
  customsCode: optionalCode(ZCustomsCode),
  cardNo: optionalCode(ZCardNo),
  status: optional(z.enum(["ACTIVE", "REVOKED"], "filters.statusInvalid")),
});
export type TCardFilters = z.infer<typeof ZCardFilters>;

export const ZManualSearch = z.object({
  q: optional(z.string().max(64, "filters.queryTooLong")),
});

export const ZManualRowsQuery = z.object({
  table: z.preprocess(firstValue, z.enum(["materials", "products"]).catch("materials").default("materials")),
  q: optional(z.string().max(64, "filters.queryTooLong")),
});
export type TManualRowsQuery = z.infer<typeof ZManualRowsQuery>;

/** A change's review: which table of its diff and which page; anything else shows the first. */
export const ZChangeDiffQuery = z.object({
  table: z.preprocess(firstValue, z.enum(["materials", "products"]).optional().catch(undefined)),
  page: z.preprocess(firstValue, z.coerce.number().int().positive().max(1_000_000).optional().catch(undefined)),
});

export const ZChangeListFilters = z.object({
  status: z.preprocess(firstValue, z.enum(["PENDING", "APPROVED", "REJECTED", "ALL"], "filters.statusInvalid").default("PENDING")),
  emsNo: optionalCode(ZEmsNo),
});
export type TChangeListFilters = z.infer<typeof ZChangeListFilters>;

/** A manual's recipients (lib/review/manual-recipients.ts): a range of dispatch days. */
export const ZManualRecipientsFilters = z.object(dateRange).superRefine(orderedDates);
export type TManualRecipientsFilters = z.infer<typeof ZManualRecipientsFilters>;

export type FilterResult<T> = { ok: true; filters: T } | { ok: false; errors: Record<string, Refusal> };

/** Filters from a query string; every invalid field is named with its message. */
export function parseFilters<T extends z.ZodType>(schema: T, params: SearchParams | URLSearchParams): FilterResult<z.infer<T>> {
  const input = params instanceof URLSearchParams ? Object.fromEntries(params) : params;
  const parsed = schema.safeParse(input, REPORT_INPUT);
  if (parsed.success) return { ok: true, filters: parsed.data };
  const errors: Record<string, Refusal> = {};
  for (const issue of parsed.error.issues) errors[issue.path.join(".")] ??= issueRefusal(issue);
  return { ok: false, errors };
}

/** The query string of the given filters (for paging links and exports), without empty values. */
export function filterQuery(filters: object, extra: Record<string, string | number | null | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filters, ...extra })) {
    if (value !== undefined && value !== null && value !== "") params.set(key, String(value));
  }
  return params.toString();
}
