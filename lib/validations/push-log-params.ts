// The push-log page's search params: the query (R16) with its defaults, and the keyset cursor. Every filter
// is optional; a malformed one is reported next to the form and lists nothing rather than everything.
import { addDaysToDay, shanghaiDay } from "@/lib/time/shanghai";
import { normaliseCode } from "./identifiers";
import { ZPushLogCursor, ZPushLogQuery, type TPushLogCursor, type TPushLogQuery } from "./push-log";

export interface PushLogParams {
  /** The form's values as entered (defaults: the last 7 days). */
  form: { emsNo: string; from: string; to: string; status: string; messageId: string; subscriptionId: string };
  /** The valid query, or null when a filter is malformed. */
  query: TPushLogQuery | null;
  /** The first refusal, as the field it concerns (the page words it). */
  error: { field: string; message: string } | null;
  after?: TPushLogCursor;
  firstRowNumber: number;
}

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";

export function parsePushLogParams(params: Record<string, string | string[] | undefined>, now = new Date()): PushLogParams {
  const today = shanghaiDay(now);
  const form = {
    emsNo: String(normaliseCode(one(params.emsNo)) ?? ""),
    from: one(params.from).trim() || addDaysToDay(today, -6),
    to: one(params.to).trim() || today,
    status: one(params.status),
    messageId: one(params.messageId).trim(),
    subscriptionId: one(params.subscriptionId).trim(),
  };
  const after = ZPushLogCursor.safeParse({ at: one(params.at), id: one(params.id) });
  const firstRowNumber = Math.max(1, Number.parseInt(one(params.n), 10) || 1);
  const parsed = ZPushLogQuery.safeParse({
    from: form.from,
    to: form.to,
    emsNo: form.emsNo || undefined,
    status: form.status || undefined,
    messageId: form.messageId || undefined,
    subscriptionId: form.subscriptionId ? Number(form.subscriptionId) : undefined,
  });
  const issue = parsed.success ? null : parsed.error.issues[0];
  return {
    form,
    query: parsed.success ? parsed.data : null,
    error: issue ? { field: String(issue.path[0] ?? ""), message: issue.message } : null,
    after: after.success ? after.data : undefined,
    firstRowNumber,
  };
}
