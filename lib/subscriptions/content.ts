// 订阅内容 (R9, R6a): what a subscription covers, as data; formatSubscriptionContent words it with the message
// file's templates (messages subscriptionContent.*), so the manual's line `账册存量数据订阅: 账册号[E…] 料件[1-100]成品[1-100];`
// reads the same in Chinese and is translated in English.
export interface SubscriptionContentFields {
  stockEmsNo: string | null;
  pushMaterials: boolean;
  pushProducts: boolean;
  materialFrom: number | null;
  materialTo: number | null;
  productFrom: number | null;
  productTo: number | null;
  incrementalEmsNo: string | null;
}

/** A pushed table's serial-number range ("1-100"), "" for the whole table; null when the table is not pushed. */
type TableRange = string | null;

export interface SubscriptionContent {
  stock: { emsNo: string; materials: TableRange; products: TableRange } | null;
  incremental: { emsNo: string } | null;
}

const range = (pushed: boolean, from: number | null, to: number | null): TableRange =>
  !pushed ? null : from === null || to === null ? "" : `${from}-${to}`;

export function subscriptionContent(s: SubscriptionContentFields): SubscriptionContent {
  return {
    stock: s.stockEmsNo
      ? {
          emsNo: s.stockEmsNo,
          materials: range(s.pushMaterials, s.materialFrom, s.materialTo),
          products: range(s.pushProducts, s.productFrom, s.productTo),
        }
      : null,
    incremental: s.incrementalEmsNo ? { emsNo: s.incrementalEmsNo } : null,
  };
}

export type ContentWording = (key: "stock" | "incremental" | "materials" | "products" | "both", values: Record<string, string>) => string;

export function formatSubscriptionContent(content: SubscriptionContent, wording: ContentWording): string {
  const { stock, incremental } = content;
  const tables = stock
    ? [
        stock.materials !== null && wording("materials", { range: stock.materials }),
        stock.products !== null && wording("products", { range: stock.products }),
      ]
        .filter((part): part is string => typeof part === "string")
        .join("")
    : "";
  const stockText = stock ? wording("stock", { emsNo: stock.emsNo, tables }) : "";
  const incrementalText = incremental ? wording("incremental", { emsNo: incremental.emsNo }) : "";
  return stockText && incrementalText ? wording("both", { stock: stockText, incremental: incrementalText }) : stockText || incrementalText;
}
