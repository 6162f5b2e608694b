// 订阅内容 as the manual prints it (R9, R6a):
// `账册存量数据订阅: 账册号[E…] 料件[1-100]成品[1-100];` / `账册增量数据订阅: 账册号[E…]` / both joined.
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

const range = (from: number | null, to: number | null) => (from === null || to === null ? "" : `${from}-${to}`);

export function subscriptionContent(s: SubscriptionContentFields): string {
  const parts: string[] = [];
  if (s.stockEmsNo) {
    const tables = [s.pushMaterials && `料件[${range(s.materialFrom, s.materialTo)}]`, s.pushProducts && `成品[${range(s.productFrom, s.productTo)}]`]
      .filter(Boolean)
      .join("");
    parts.push(`账册存量数据订阅: 账册号[${s.stockEmsNo}] ${tables};`);
  }
  if (s.incrementalEmsNo) parts.push(`账册增量数据订阅: 账册号[${s.incrementalEmsNo}]`);
  return parts.join("");
}
