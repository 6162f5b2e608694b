import { describe, expect, test } from "vitest";
import type { ManualHeadRecord, ManualRowRecord } from "@/lib/manuals/records";
import { buildPushMessageXml, escapeXmlText } from "@/lib/pushes/xml";
import { pushXmlParser as parser } from "@/tests/support/push-xml-parser";

const manualHead: ManualHeadRecord = {
  seqNo: "202500000000123456",
  emsNo: "E53002500001",
  etpsPreentNo: "内部<编号>&1",
  emsTypecd: null,
  bizopEtpsno: "5300931234",
  bizopEtpsSccd: "91530000MA6K000001",
  bizopEtpsNm: '经营企业 "甲"',
  rcvgdEtpsno: "5300931234",
  rvsngdEtpsSccd: null,
  rcvgdEtpsNm: "加工单位",
  dclEtpsno: null,
  dclEtpsSccd: null,
  dclEtpsNm: "",
  masterCuscd: "5300",
  dclTypecd: "1",
  finishValidDate: new Date("2030-12-31T00:00:00Z"),
  chgTmsCnt: 3,
  mtpckItemCnt: 2,
  endprdItemCnt: 1,
  putrecApprTime: new Date("2025-01-01T16:30:00Z"),
  chgApprTime: null,
};

const row = (gdsSeqno: number, extra: Partial<ManualRowRecord> = {}): ManualRowRecord => ({
  gdsSeqno,
  gdsMtno: `P${gdsSeqno}`,
  gdecd: "8542319000",
  gdsNm: `集成电路${gdsSeqno}`,
  endprdGdsSpcfModelDesc: null,
  dclUnitcd: "007",
  lawfUnitcd: "007",
  secdLawfUnitcd: null,
  dclUprcAmt: "1.25000",
  dclQty: "100.00000",
  dclCurrcd: "502",
  natcd: "142",
  lvyrlfModecd: "3",
  modfMarkcd: "0",
  ...extra,
});

describe("escapeXmlText", () => {
  test("escapes markup characters and keeps carriage returns", () => {
    expect(escapeXmlText(`a<b>&c"d'e`)).toBe(`a&lt;b&gt;&amp;c"d'e`);
    expect(escapeXmlText("]]>")).toBe("]]&gt;");
    expect(escapeXmlText("x\r\ny")).toBe("x&#13;\ny");
    expect(escapeXmlText("&amp;")).toBe("&amp;amp;");
  });

  test("replaces characters XML 1.0 cannot carry and leaves valid text untouched", () => {
    expect(escapeXmlText("a\u0001b\u001Fc\uFFFEd")).toBe("a\uFFFDb\uFFFDc\uFFFDd");
    expect(escapeXmlText("lone \uD800 surrogate")).toBe("lone \uFFFD surrogate");
    expect(escapeXmlText("芯片😀\t制造")).toBe("芯片😀\t制造");
    const plain = "集成电路 8542319000";
    expect(escapeXmlText(plain)).toBe(plain);
  });

  test("survives a parser round trip", () => {
    const nasty = `<&>"'\r\n\t 中文 😀 ]]> &#x41;`;
    const xml = buildPushMessageXml({
      head: {
        messageId: "20260000000000000001",
        type: "STOCK",
        emsNo: "E53002500001",
        subscriptionId: 1,
        partNo: 1,
        partCount: 1,
        createdAt: new Date(),
      },
      manualHead,
      materials: [row(1, { gdsNm: nasty })],
      products: [],
    });
    expect(parser.parse(xml).EmsPushMessage.Body.NemsImgList.NemsImg[0].GdsNm).toBe(nasty);
  });
});

describe("buildPushMessageXml", () => {
  test("writes the head, header and rows with the names and formats of data-fields.md", () => {
    const xml = buildPushMessageXml({
      head: {
        messageId: "20260000000000000123",
        type: "STOCK",
        emsNo: "E53002500001",
        subscriptionId: 42,
        partNo: 2,
        partCount: 3,
        createdAt: new Date("2026-03-05T06:02:11.999Z"),
      },
      manualHead,
      materials: [row(1, { adjmtrMarkcd: "1", endprdGdsSpcfModelDesc: "规格 A&B" }), row(2, { dclUprcAmt: null, adjmtrMarkcd: "2" })],
      products: [row(7, { dclQty: "-0.50000", secdLawfUnitcd: "035" })],
    });
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<EmsPushMessage><Head><MessageId>')).toBe(true);
    const { EmsPushMessage: message } = parser.parse(xml);
    expect(message.Head).toEqual({
      MessageId: "20260000000000000123",
      MessageType: "STOCK",
      EmsNo: "E53002500001",
      SubscriptionId: "42",
      PartNo: "2",
      PartCount: "3",
      CreatedAt: "2026-03-05 14:02:11",
    });
    expect(message.Body.NemsHead).toEqual({
      SeqNo: "202500000000123456",
      EmsNo: "E53002500001",
      EtpsPreentNo: "内部<编号>&1",
      BizopEtpsno: "5300931234",
      BizopEtpsSccd: "91530000MA6K000001",
      BizopEtpsNm: '经营企业 "甲"',
      RcvgdEtpsno: "5300931234",
      RcvgdEtpsNm: "加工单位",
      MasterCuscd: "5300",
      DclTypecd: "1",
      FinishValidDate: "20301231",
      ChgTmsCnt: "3",
      MtpckItemCnt: "2",
      EndprdItemCnt: "1",
      PutrecApprTime: "2025-01-02 00:30:00",
    });
    expect(message.Body.NemsImgList.NemsImg).toEqual([
      {
        GdsSeqno: "1",
        GdsMtno: "P1",
        Gdecd: "8542319000",
        GdsNm: "集成电路1",
        EndprdGdsSpcfModelDesc: "规格 A&B",
        DclUnitcd: "007",
        LawfUnitcd: "007",
        DclUprcAmt: "1.25000",
        DclQty: "100.00000",
        DclCurrcd: "502",
        Natcd: "142",
        LvyrlfModecd: "3",
        AdjmtrMarkcd: "1",
        ModfMarkcd: "0",
      },
      {
        GdsSeqno: "2",
        GdsMtno: "P2",
        Gdecd: "8542319000",
        GdsNm: "集成电路2",
        DclUnitcd: "007",
        LawfUnitcd: "007",
        DclQty: "100.00000",
        DclCurrcd: "502",
        Natcd: "142",
        LvyrlfModecd: "3",
        AdjmtrMarkcd: "2",
        ModfMarkcd: "0",
      },
    ]);
    expect(message.Body.NemsExgList.NemsExg).toEqual([
      {
        GdsSeqno: "7",
        GdsMtno: "P7",
        Gdecd: "8542319000",
        GdsNm: "集成电路7",
        DclUnitcd: "007",
        LawfUnitcd: "007",
        SecdLawfUnitcd: "035",
        DclUprcAmt: "1.25000",
        DclQty: "-0.50000",
        DclCurrcd: "502",
        Natcd: "142",
        LvyrlfModecd: "3",
        ModfMarkcd: "0",
      },
    ]);
    // Element order is the order of data-fields.md.
    expect(xml.indexOf("<GdsSeqno>1")).toBeLessThan(xml.indexOf("<GdsMtno>P1"));
    expect(xml.indexOf("<NemsHead>")).toBeLessThan(xml.indexOf("<NemsImgList>"));
    expect(xml.indexOf("<NemsImgList>")).toBeLessThan(xml.indexOf("<NemsExgList>"));
  });

  test("INCREMENT carries ChgTmsCnt in the head; empty lists are omitted; STOCK has no ChgTmsCnt", () => {
    const head = { messageId: "20260000000000000124", emsNo: "E53002500001", subscriptionId: 5, partNo: 1, partCount: 1, createdAt: new Date() };
    const increment = parser.parse(
      buildPushMessageXml({ head: { ...head, type: "INCREMENT", chgTmsCnt: 4 }, manualHead, materials: [], products: [row(1, { modfMarkcd: "2" })] }),
    ).EmsPushMessage;
    expect(increment.Head.ChgTmsCnt).toBe("4");
    expect(increment.Body.NemsImgList).toBeUndefined();
    expect(increment.Body.NemsExgList.NemsExg[0].ModfMarkcd).toBe("2");
    const stock = buildPushMessageXml({ head: { ...head, type: "STOCK", chgTmsCnt: 4 }, manualHead, materials: [], products: [] });
    expect(parser.parse(stock).EmsPushMessage.Head.ChgTmsCnt).toBeUndefined();
    expect(stock).not.toContain("<NemsExgList>");
  });
});
