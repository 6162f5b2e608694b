// The push-log page's search params: the query (R16) with its defaults, and the keyset cursor.
import { addDaysToDay, shanghaiDay } from "@/lib/time/shanghai";
import { ZPushLogCursor, ZPushLogQuery, type TPushLogCursor, type TPushLogQuery } from "./push-log";

export interface PushLogParams {
  /** The form's values as entered (defaults: the last 7 days). */
  form: { emsNo: string; from: string; to: string; status: string };
  /** The valid query, or null until a manual number is entered. */
  query: TPushLogQuery | null;
  error: string | null;
  after?: TPushLogCursor;
  firstRowNumber: number;
}

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";

export function parsePushLogParams(params: Record<string, string | string[] | undefined>, now = new Date()): PushLogParams {
  const today = shanghaiDay(now);
  const form = {
    emsNo: one(params.emsNo).trim().toUpperCase(),
    from: one(params.from) || addDaysToDay(today, -6),
    to: one(params.to) || today,
    status: one(params.status),
  };
  const after = ZPushLogCursor.safeParse({ at: one(params.at), id: one(params.id) });
  const firstRowNumber = Math.max(1, Number.parseInt(one(params.n), 10) || 1);
  if (!form.emsNo) return { form, query: null, error: null, firstRowNumber };
  const parsed = ZPushLogQuery.safeParse({ ...form, status: form.status || undefined });
  return {
    form,
    query: parsed.success ? parsed.data : null,
    error: parsed.success ? null : parsed.error.issues[0].message,
    after: after.success ? after.data : undefined,
    firstRowNumber,
  };
}
