import { createTranslator } from "next-intl";
import { describe, expect, test } from "vitest";
import en from "@/lib/i18n/messages/en.json";
import zh from "@/lib/i18n/messages/zh-CN.json";
import { formatSubscriptionContent, subscriptionContent, type SubscriptionContentFields } from "./content";

const none = {
  stockEmsNo: null,
  pushMaterials: false,
  pushProducts: false,
  materialFrom: null,
  materialTo: null,
  productFrom: null,
  productTo: null,
  incrementalEmsNo: null,
};

function worded(fields: SubscriptionContentFields, messages: typeof zh = zh) {
  const t = createTranslator({ locale: messages === zh ? "zh-CN" : "en", messages, namespace: "subscriptionContent" });
  return formatSubscriptionContent(subscriptionContent(fields), (key, values) => t(key, values));
}

const both = {
  ...none,
  stockEmsNo: "E01",
  pushMaterials: true,
  pushProducts: true,
  materialFrom: 1,
  materialTo: 100,
  productFrom: 1,
  productTo: 100,
  incrementalEmsNo: "E02",
};

describe("订阅内容", () => {
  test("stock with ranges", () => {
    expect(worded({ ...both, stockEmsNo: "E32012500001", incrementalEmsNo: null })).toBe(
      "账册存量数据订阅: 账册号[E32012500001] 料件[1-100]成品[1-100];",
    );
  });
  test("stock of whole tables shows empty brackets", () => {
    expect(worded({ ...none, stockEmsNo: "E32012500001", pushMaterials: true, pushProducts: true })).toBe(
      "账册存量数据订阅: 账册号[E32012500001] 料件[]成品[];",
    );
  });
  test("stock of materials only", () => {
    expect(worded({ ...none, stockEmsNo: "E32012500001", pushMaterials: true, materialFrom: 5, materialTo: 9 })).toBe(
      "账册存量数据订阅: 账册号[E32012500001] 料件[5-9];",
    );
  });
  test("incremental", () => {
    expect(worded({ ...none, incrementalEmsNo: "E32012500001" })).toBe("账册增量数据订阅: 账册号[E32012500001]");
  });
  test("both joined (R6a)", () => {
    expect(worded(both)).toBe("账册存量数据订阅: 账册号[E01] 料件[1-100]成品[1-100];账册增量数据订阅: 账册号[E02]");
  });
  test("in English", () => {
    expect(worded(both, en as unknown as typeof zh)).toBe(
      "Stock subscription: manual [E01] materials[1-100]products[1-100]; Incremental subscription: manual [E02]",
    );
  });
});
