// Chinese messages for zod's built-in checks (pass as `safeParse(data, { error: chineseIssueMessage })`), for
// input that comes from other systems or that no form of ours would send (every action parses with it);
// messages a schema sets itself (e.g. 账册号应为 …) take precedence.
import type { z } from "zod";

const typeNames: Record<string, string> = {
  string: "字符串",
  number: "数字",
  int: "整数",
  boolean: "布尔值",
  object: "对象",
  array: "数组",
  date: "日期",
};

const sizeUnit = (origin: string) => (origin === "string" ? "个字符" : origin === "array" || origin === "set" ? "条" : "");

export const chineseIssueMessage: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined || issue.expected === "nonoptional" ? "必填" : `应为${typeNames[issue.expected] ?? issue.expected}`;
    case "too_small":
      if (issue.origin === "string" && Number(issue.minimum) === 1) return "不能为空";
      if (sizeUnit(issue.origin)) return `至少 ${issue.minimum} ${sizeUnit(issue.origin)}`;
      return issue.inclusive === false ? `应大于 ${issue.minimum}` : `不能小于 ${issue.minimum}`;
    case "too_big":
      if (sizeUnit(issue.origin)) return `最多 ${issue.maximum} ${sizeUnit(issue.origin)}`;
      return issue.inclusive === false ? `应小于 ${issue.maximum}` : `不能大于 ${issue.maximum}`;
    case "invalid_value":
      return `取值应为 ${issue.values.map(String).join("、")}`;
    case "unrecognized_keys":
      return `不支持的字段: ${issue.keys.join("、")}`;
    case "invalid_union":
      return "格式不正确（如修改标志应为 1、2 或 3）";
    default:
      return "格式不正确";
  }
};

/** `materials[3].gdecd` from ["materials", 3, "gdecd"]. */
export function issuePath(path: PropertyKey[]): string {
  return path.reduce<string>((text, key) => (typeof key === "number" ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)), "");
}
