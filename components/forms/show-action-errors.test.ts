import { describe, expect, test } from "vitest";
import { showActionErrors } from "@/components/forms/show-action-errors";

type Form = { endpointUrl: string; name: string };

function recordErrors(failure: Parameters<typeof showActionErrors<Form>>[1], general: "root" | "name" = "root") {
  const set: Record<string, unknown> = {};
  showActionErrors<Form>((name, error) => void (set[name] = error), failure, general);
  return set;
}

describe("showActionErrors", () => {
  test("puts each field's message beside its field and leaves the general place empty", () => {
    expect(recordErrors({ error: "请求有误", fieldErrors: { endpointUrl: "接收地址应以 http:// 或 https:// 开头", name: "请填写名称" } })).toEqual({
      endpointUrl: { type: "server", message: "接收地址应以 http:// 或 https:// 开头" },
      name: { type: "server", message: "请填写名称" },
    });
  });

  test("puts a message that names no field on the general place, a field or the form's root", () => {
    expect(recordErrors({ error: "登录已过期，请重新登录" })).toEqual({ root: { type: "server", message: "登录已过期，请重新登录" } });
    expect(recordErrors({ error: "卡号不存在", fieldErrors: {} }, "name")).toEqual({ name: { type: "server", message: "卡号不存在" } });
  });

  test("shows nothing for a failure without a message (the card dialog was closed)", () => {
    expect(recordErrors({})).toEqual({});
  });
});
