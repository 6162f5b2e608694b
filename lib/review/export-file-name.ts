// CSV file names that say what was exported (issue 18): the list's title, each filter's value as the list
// shows it, and the day range, e.g. 推送报文_E32012500001_下发失败_20261201-20261202.csv. An export with no day
// range is named by its time instead, so that two downloads of a growing list are told apart.
import type { ServerTranslator } from "@/lib/i18n/translator";
import { formatShanghaiDateTime } from "@/lib/time/shanghai";
import type { TPushMessageReviewFilters, TSubscriptionReviewFilters } from "@/lib/validations/admin-filters";

/** One filter's value: as the admin reads it, and in ASCII for the fallback name of old clients. */
export interface FileNamePart {
  text: string;
  ascii: string;
}

export interface ExportFileNames {
  fileName: string;
  asciiFileName: string;
}

// Characters no file system or browser keeps in a name.
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f\u007f]/g;
const safe = (text: string) => text.replace(UNSAFE, "_");
const compactDay = (day: string | undefined) => (day ? day.replaceAll("-", "") : "");

export function exportFileNames(options: {
  title: FileNamePart;
  parts: FileNamePart[];
  dateFrom?: string;
  dateTo?: string;
  exportedAt: Date;
}): ExportFileNames {
  const { dateFrom, dateTo } = options;
  const when =
    dateFrom || dateTo ? `${compactDay(dateFrom)}-${compactDay(dateTo)}` : formatShanghaiDateTime(options.exportedAt).replace(/\D/g, "").slice(0, 12);
  const name = (pick: (part: FileNamePart) => string) => `${[options.title, ...options.parts].map((part) => safe(pick(part))).join("_")}_${when}.csv`;
  return { fileName: name((part) => part.text), asciiFileName: name((part) => part.ascii).replace(/[^\x20-\x7e]/g, "_") };
}

/** A code is its own text: 海关十位, 账册号, 客户端ID, 报文ID. */
const code = (value: string | undefined): FileNamePart[] => (value ? [{ text: value, ascii: value }] : []);
const labelled = <T extends string>(value: T | undefined, text: (value: T) => string): FileNamePart[] =>
  value ? [{ text: text(value), ascii: value }] : [];
const numbered = (id: number | undefined, label: string, ascii: string): FileNamePart[] =>
  id ? [{ text: `${label}${id}`, ascii: `${ascii}${id}` }] : [];

export function subscriptionFileParts(filters: TSubscriptionReviewFilters, t: ServerTranslator): FileNamePart[] {
  return [
    ...code(filters.customsCode),
    ...code(filters.emsNo),
    ...labelled(filters.kind, (kind) => t(`adminReview.kind.${kind}`)),
    ...labelled(filters.status, (status) => t(`adminReview.status.${status}`)),
  ];
}

export function pushMessageFileParts(filters: TPushMessageReviewFilters, t: ServerTranslator): FileNamePart[] {
  return [
    ...code(filters.customsCode),
    ...code(filters.emsNo),
    ...code(filters.clientId),
    ...numbered(filters.subscriptionId, t("adminReview.col.recordId"), "record"),
    ...numbered(filters.manualChangeId, t("adminMessage.change"), "change"),
    ...code(filters.messageId),
    ...labelled(filters.type, (type) => t(`adminReview.messageType.${type}`)),
    ...labelled(filters.status, (status) => t(`adminReview.dispatchStatus.${status}`)),
  ];
}
