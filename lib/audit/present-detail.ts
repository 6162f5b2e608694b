// 详情 of an audit entry as an admin reads it: every field in full, times in Asia/Shanghai like everywhere else
// (the log stores ISO instants), and a refusal's reason — stored as a refusal key with its values — rendered in
// the admin's language. Entries written before refusals were codes hold Chinese prose there: shown as it is.
import type { Prisma } from "@/lib/db/client";
import type { RefusalKey, RefusalValues } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locales";
import { isRefusalKey, renderRefusal } from "@/lib/i18n/refusal";
import { formatShanghaiDateTime } from "@/lib/time/shanghai";

export interface DetailField {
  key: string;
  value: string;
}

export interface PresentedDetail {
  /** The refusal's reason, for a REFUSED entry that names one. */
  refusal: string | null;
  fields: DetailField[];
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

/** A stored value as text: instants in Shanghai time, lists joined, nested objects as JSON (with their instants converted). */
export function detailValueText(value: Prisma.JsonValue): string {
  if (value === null) return "-";
  if (typeof value === "string") return ISO_INSTANT.test(value) ? formatShanghaiDateTime(new Date(value)) : value;
  if (Array.isArray(value)) return value.map(detailValueText).join("、");
  if (typeof value === "object") return JSON.stringify(value, (_key, nested) => (typeof nested === "string" ? detailValueText(nested) : nested));
  return String(value);
}

function refusalText(reason: string, values: Prisma.JsonValue | undefined, locale: Locale): string {
  if (!isRefusalKey(reason)) return reason;
  const shown: RefusalValues = {};
  if (values && typeof values === "object" && !Array.isArray(values)) {
    for (const [key, value] of Object.entries(values)) shown[key] = typeof value === "number" ? value : detailValueText(value ?? null);
  }
  return renderRefusal({ key: reason as RefusalKey, values: shown }, locale);
}

export function presentDetail(entry: { outcome: string; detail: Prisma.JsonValue }, locale: Locale): PresentedDetail {
  const { detail } = entry;
  if (detail === null) return { refusal: null, fields: [] };
  if (typeof detail !== "object" || Array.isArray(detail)) return { refusal: null, fields: [{ key: "", value: detailValueText(detail) }] };
  const { reason, values, ...rest } = detail;
  // Only a refusal's reason is a key; elsewhere `reason` is what an admin wrote (退回原因, 注销原因).
  const isRefusal = entry.outcome === "REFUSED" && typeof reason === "string";
  const fields = Object.entries(isRefusal ? rest : detail).map(([key, value]) => ({ key, value: detailValueText(value ?? null) }));
  return { refusal: isRefusal ? refusalText(reason, values, locale) : null, fields };
}
