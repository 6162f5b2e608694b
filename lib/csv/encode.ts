// CSV for Excel (RFC 4180, CRLF): fields with a comma, quote or line break are quoted. Two guards for the
// spreadsheet that opens it: a cell that would start a formula (= + - @) is prefixed with ', and a long
// or zero-led digit string (报文ID, 卡号) is written as ="…" so that Excel keeps it as text, not 2.03E+19.
const FORMULA_START = /^[=+\-@\t\r]/;
const NUMBER_EXCEL_MANGLES = /^(?:0\d+|\d{12,})$/;

export type CsvValue = string | number | boolean | null | undefined;

function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  const text = String(value);
  if (NUMBER_EXCEL_MANGLES.test(text)) return `="${text}"`;
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export const csvLine = (values: CsvValue[]): string => `${values.map(csvCell).join(",")}\r\n`;
