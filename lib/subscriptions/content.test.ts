import { describe, expect, test } from "vitest";
import { subscriptionContent } from "./content";

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

describe("订阅内容", () => {
  test("stock with ranges", () => {
    expect(
      subscriptionContent({
        ...none,
        stockEmsNo: "E32012500001",
        pushMaterials: true,
        pushProducts: true,
        materialFrom: 1,
        materialTo: 100,
        productFrom: 1,
        productTo: 100,
      }),
    ).toBe("账册存量数据订阅: 账册号[E32012500001] 料件[1-100]成品[1-100];");
  });
  test("stock of whole tables shows empty brackets", () => {
    expect(subscriptionContent({ ...none, stockEmsNo: "E32012500001", pushMaterials: true, pushProducts: true })).toBe(
      "账册存量数据订阅: 账册号[E32012500001] 料件[]成品[];",
    );
  });
  test("stock of materials only", () => {
    expect(subscriptionContent({ ...none, stockEmsNo: "E32012500001", pushMaterials: true, materialFrom: 5, materialTo: 9 })).toBe(
      "账册存量数据订阅: 账册号[E32012500001] 料件[5-9];",
    );
  });
  test("incremental", () => {
    expect(subscriptionContent({ ...none, incrementalEmsNo: "E32012500001" })).toBe("账册增量数据订阅: 账册号[E32012500001]");
  });
  test("both joined (R6a)", () => {
    expect(
      subscriptionContent({
        ...none,
        stockEmsNo: "E01",
        pushMaterials: true,
        pushProducts: true,
        materialFrom: 1,
        materialTo: 100,
        productFrom: 1,
        productTo: 100,
        incrementalEmsNo: "E02",
      }),
    ).toBe("账册存量数据订阅: 账册号[E01] 料件[1-100]成品[1-100];账册增量数据订阅: 账册号[E02]");
  });
});
