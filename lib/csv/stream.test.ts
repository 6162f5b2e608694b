import { describe, expect, test } from "vitest";
import { attachmentDisposition } from "./stream";

describe("Content-Disposition of a download", () => {
  test("the UTF-8 name is an RFC 5987 ext-value, the fallback a quoted-string", () => {
    expect(attachmentDisposition("推送报文_数据报文（存量和增量）_a'(b)*.csv", 'push"\\.csv')).toBe(
      `attachment; filename="push__.csv"; filename*=UTF-8''%E6%8E%A8%E9%80%81%E6%8A%A5%E6%96%87_%E6%95%B0%E6%8D%AE%E6%8A%A5%E6%96%87%EF%BC%88%E5%AD%98%E9%87%8F%E5%92%8C%E5%A2%9E%E9%87%8F%EF%BC%89_a%27%28b%29%2A.csv`,
    );
  });

  test("a browser's decoding of the ext-value gives the name back", () => {
    const name = "推送报文_E32012500001_下发失败_20261201-20261202.csv";
    const ext = attachmentDisposition(name, "x.csv").split("filename*=UTF-8''")[1];
    expect(decodeURIComponent(ext)).toBe(name);
  });
});
