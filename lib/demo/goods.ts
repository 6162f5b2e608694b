// Realistic demo goods: HS codes, names, specifications, units and currencies of processing trade.
const materials = [
  { gdecd: "8542319000", gdsNm: "集成电路", spec: "BGA封装 28nm", unit: "007" },
  { gdecd: "8532241000", gdsNm: "多层瓷介电容器", spec: "0402 100nF 16V", unit: "007" },
  { gdecd: "8533211000", gdsNm: "片式电阻器", spec: "0603 10kΩ 1%", unit: "007" },
  { gdecd: "3907400000", gdsNm: "聚碳酸酯粒子", spec: "PC 注塑级", unit: "035" },
  { gdecd: "7409190000", gdsNm: "铜板带", spec: "C1100 0.2mm", unit: "035" },
  { gdecd: "5208520000", gdsNm: "全棉印花布", spec: "40S 幅宽150cm", unit: "033" },
];
const products = [
  { gdecd: "8517629900", gdsNm: "无线通信模块", spec: "4G Cat.1", unit: "007" },
  { gdecd: "8471504000", gdsNm: "微型计算机主板", spec: "ATX 双通道", unit: "007" },
  { gdecd: "8504401400", gdsNm: "开关电源", spec: "65W 适配器", unit: "007" },
  { gdecd: "6205200099", gdsNm: "棉制男式衬衫", spec: "机织 长袖", unit: "011" },
];
const currencies = ["502", "142", "116"];
const origins = ["142", "116", "133", "502"];

export function demoRow(table: "material" | "product", gdsSeqno: number) {
  const list = table === "material" ? materials : products;
  const goods = list[gdsSeqno % list.length];
  const price = ((gdsSeqno * 37) % 9_000) / 100 + 0.5;
  return {
    gdsSeqno,
    gdsMtno: `${table === "material" ? "M" : "F"}${String(gdsSeqno).padStart(6, "0")}`,
    gdecd: goods.gdecd,
    gdsNm: goods.gdsNm,
    endprdGdsSpcfModelDesc: `${goods.spec} 型号${gdsSeqno}`,
    dclUnitcd: goods.unit,
    lawfUnitcd: goods.unit,
    secdLawfUnitcd: goods.unit === "007" ? "035" : null,
    dclUprcAmt: price.toFixed(5),
    dclQty: String(1_000 + (gdsSeqno % 50) * 250) + ".00000",
    dclCurrcd: currencies[gdsSeqno % currencies.length],
    natcd: origins[gdsSeqno % origins.length],
    lvyrlfModecd: "3",
    modfMarkcd: "0",
  };
}
