// The message files: the same keys in both languages, every refusal (errors.*) renders in both with the same
// values, zod issues become refusals with their limits, and lib/ holds no Chinese UI prose.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { createTranslator } from "next-intl";
import { describe, expect, test } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { renderAppError, renderRefusal } from "@/lib/i18n/refusal";
import en from "@/lib/i18n/messages/en.json";
import zh from "@/lib/i18n/messages/zh-CN.json";
import { ZEmsNo } from "@/lib/validations/identifiers";
import { issueRefusal } from "@/lib/validations/issue-refusal";
import { parseOrThrow } from "@/lib/validations/parse";
import { ZSubscribeForm } from "@/lib/validations/subscription";

function leaves(value: unknown, prefix = ""): [string, string][] {
  if (typeof value === "string") return [[prefix, value]];
  return Object.entries(value as object).flatMap(([key, child]) => leaves(child, prefix ? `${prefix}.${key}` : key));
}

/** The names a message could take as values (a select's branch labels may be among them; extra values are ignored). */
const candidateValues = (message: string) => Object.fromEntries([...message.matchAll(/\{([A-Za-z]\w*)\s*[,}]/g)].map((match) => [match[1], "x"]));

describe("message files", () => {
  test("both languages have the same keys", () => {
    expect(
      leaves(en)
        .map(([key]) => key)
        .sort(),
    ).toEqual(
      leaves(zh)
        .map(([key]) => key)
        .sort(),
    );
  });

  test("every refusal renders in both languages with the Chinese message's values", () => {
    const failures: string[] = [];
    for (const [key, chinese] of leaves(zh.errors)) {
      const values = candidateValues(chinese);
      for (const [locale, messages] of [
        ["zh-CN", zh],
        ["en", en],
      ] as const) {
        const t = createTranslator({
          locale,
          messages,
          namespace: "errors",
          onError: (error) => failures.push(`${locale} ${key}: ${error.message}`),
        });
        expect(t(key as never, values as never).length, key).toBeGreaterThan(0);
      }
    }
    expect(failures).toEqual([]);
  });
});

describe("refusals", () => {
  test("an AppError renders in the user's language, with its key and field refusals", () => {
    const error = new AppError(
      "RULE_VIOLATION",
      "subscriptions.manualNotFound",
      { emsNo: "E32012500001" },
      {
        stockEmsNo: { key: "subscriptions.manualNotFoundField" },
      },
    );
    expect(renderAppError(error)).toEqual({
      ok: false,
      code: "RULE_VIOLATION",
      reason: "subscriptions.manualNotFound",
      error: "账册号[E32012500001]不存在",
      fieldErrors: { stockEmsNo: "账册不存在，请核对账册号" },
    });
    expect(renderAppError(error, "en").error).toBe("Manual E32012500001 does not exist");
    expect(error.message, "logs keep the key and values, not prose").toBe('subscriptions.manualNotFound {"emsNo":"E32012500001"}');
  });

  test("a schema's own message is its refusal key; a custom issue's params are its values", () => {
    const form = { ...emptySubscribeForm(), stockEnabled: true, stockEmsNo: "E32012500001", pushMaterials: true, materialFrom: "5", materialTo: "2" };
    const parsed = ZSubscribeForm.safeParse(form);
    expect(parsed.success).toBe(false);
    const issue = parsed.error!.issues.find((i) => i.path[0] === "materialFrom")!;
    expect(issueRefusal(issue)).toEqual({ key: "subscriptions.rangeOrder", values: { table: "material" } });
    expect(renderRefusal(issueRefusal(issue), "en")).toBe("The first material serial number must not exceed the last");
    expect(issueRefusal(ZEmsNo.safeParse("X1").error!.issues[0])).toEqual({ key: "identifiers.emsNo" });
  });

  test("zod's own checks become errors.validation refusals with their limits", () => {
    const schema = z.object({ name: z.string().max(3), count: z.number(), tags: z.array(z.string()).min(2) }).strict();
    const refusals = Object.fromEntries(
      schema
        .safeParse({ name: "abcd", count: "7", tags: [], extra: 1 }, { reportInput: true })
        .error!.issues.map((issue) => [issue.path.join(".") || issue.code, issueRefusal(issue)]),
    );
    expect(refusals).toEqual({
      name: { key: "validation.maxLength", values: { maximum: 3 } },
      count: { key: "validation.type", values: { expected: "number" } },
      tags: { key: "validation.minItems", values: { minimum: 2 } },
      unrecognized_keys: { key: "validation.unknownFields", values: { fields: "extra" } },
    });
    expect(renderRefusal(refusals.count)).toBe("应为数字");
  });

  test("parseOrThrow refuses with a refusal per field and refuses unstorable text before the schema", () => {
    expect(() => parseOrThrow(ZEmsNo, "E3201\u0000")).toThrow(
      expect.objectContaining({ refusal: { key: "validation.unstorableText", values: undefined } }),
    );
    try {
      parseOrThrow(z.object({ emsNo: ZEmsNo }), { emsNo: "bad" });
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({
        code: "INVALID_INPUT",
        refusal: { key: "identifiers.emsNo" },
        fieldErrors: { emsNo: { key: "identifiers.emsNo" } },
      });
    }
  });
});

// Chinese in lib/ is signed or delivered data (statements, XML, the 订阅内容 text), the reference import client's
// and the CLIs' own output; never a refusal or a label the UI shows.
const CHINESE_ALLOWED = [
  /^lib\/demo\//,
  /^lib\/import-client\//,
  /^lib\/signing\/statement/,
  /^lib\/pushes\/xml\.ts$/,
  /^lib\/subscriptions\/content\.ts$/,
  /^lib\/db\/prepare-start\.ts$/,
  /^lib\/ingestion\/upstream-token\.ts$/,
  /^lib\/i18n\/messages\//,
  /^lib\/generated\//,
  // The pull API's hints to an import client name the portal's pages by their Chinese titles.
  /^lib\/pull\//,
];

test("lib/ code holds no Chinese outside comments except data and tool output", () => {
  const offenders = readdirSync("lib", { recursive: true, encoding: "utf8" })
    .map((file) => path.join("lib", file).split(path.sep).join("/"))
    .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file) && !CHINESE_ALLOWED.some((allowed) => allowed.test(file)))
    .flatMap((file) =>
      readFileSync(file, "utf8")
        .replace(/\/\*[\s\S]*?\*\//g, "")
        .split("\n")
        .map((line, index) => ({ line: line.replace(/(^|\s)\/\/.*$/, ""), at: `${file}:${index + 1}` }))
        .filter(({ line }) => /\p{Script=Han}/u.test(line))
        .map(({ at, line }) => `${at} ${line.trim()}`),
    );
  expect(offenders).toEqual([]);
});

function emptySubscribeForm() {
  return {
    clientId: "3201000001",
    stockEnabled: false,
    incrementalEnabled: false,
    stockEmsNo: "",
    pushMaterials: false,
    pushProducts: false,
    materialFrom: "",
    materialTo: "",
    productFrom: "",
    productTo: "",
    incrementalEmsNo: "",
    validUntil: "2027-01-01",
  };
}
