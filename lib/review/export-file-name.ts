// CSV file names that say what was exported (issue 18): the list's title, each filter's value as the list
// shows it, and the day range, e.g. 推送报文_E32012500001_下发失败_20261201-20261202.csv. An export with no day
// range is named by its time instead, so that two downloads of a growing list are told apart.
import { formatShanghaiDateTime } from "@/lib/time/shanghai";

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
