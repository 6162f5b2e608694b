import { describe, expect, test } from "vitest";
import { exportFileNames } from "./export-file-name";

const title = { text: "推送报文", ascii: "push-messages" };
const exportedAt = new Date("2026-12-02T07:30:45Z");

describe("CSV file names", () => {
  test("name the filters and the day range", () => {
    expect(
      exportFileNames({
        title,
        parts: [
          { text: "E32012500001", ascii: "E32012500001" },
          { text: "下发失败", ascii: "FAILED" },
        ],
        dateFrom: "2026-12-01",
        dateTo: "2026-12-02",
        exportedAt,
      }),
    ).toEqual({
      fileName: "推送报文_E32012500001_下发失败_20261201-20261202.csv",
      asciiFileName: "push-messages_E32012500001_FAILED_20261201-20261202.csv",
    });
  });

  test("an open range keeps its open end; no range names the export time in Shanghai", () => {
    expect(exportFileNames({ title, parts: [], dateFrom: "2026-12-01", exportedAt }).fileName).toBe("推送报文_20261201-.csv");
    expect(exportFileNames({ title, parts: [], dateTo: "2026-12-02", exportedAt }).fileName).toBe("推送报文_-20261202.csv");
    expect(exportFileNames({ title, parts: [], exportedAt })).toEqual({
      fileName: "推送报文_202612021530.csv",
      asciiFileName: "push-messages_202612021530.csv",
    });
  });

  test("characters a file name cannot hold are replaced; the fallback is ASCII only", () => {
    const names = exportFileNames({ title, parts: [{ text: 'a/b\\c:"d"', ascii: "数据" }], exportedAt });
    expect(names.fileName).toBe("推送报文_a_b_c__d__202612021530.csv");
    expect(names.asciiFileName).toBe("push-messages____202612021530.csv");
  });
});
