// The columns of a material (NemsImg) and product (NemsExg) row after its serial number, in data-fields.md
// order; the admin tables and the change diff show them in this order.
import type { ManualTable } from "@/lib/manuals/records";
import { formatCalendarDate } from "@/lib/time/shanghai";

const commonFields = [
  "gdsMtno",
  "gdecd",
  "gdsNm",
  "endprdGdsSpcfModelDesc",
  "dclUnitcd",
  "lawfUnitcd",
  "secdLawfUnitcd",
  "dclUprcAmt",
  "dclQty",
  "dclCurrcd",
  "natcd",
  "lvyrlfModecd",
] as const;

export type ManualRowField = (typeof commonFields)[number] | "adjmtrMarkcd";

export const manualRowFields: Record<ManualTable, readonly ManualRowField[]> = {
  materials: [...commonFields, "adjmtrMarkcd"],
  products: commonFields,
};

export type RowValues = Partial<Record<ManualRowField, string | null>>;

/** A value as pushes write it: calendar dates as yyyyMMdd, decimals as numeric(19,5) text ("1.25000"). */
export function displayValue(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return formatCalendarDate(value);
  if (typeof value === "object" && "toFixed" in value) return (value as { toFixed: (digits: number) => string }).toFixed(5);
  return String(value);
}

export const rowValues = (row: object, fields: readonly ManualRowField[]): RowValues =>
  Object.fromEntries(fields.map((field) => [field, displayValue((row as Record<string, unknown>)[field])]));
