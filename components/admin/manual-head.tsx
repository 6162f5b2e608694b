import { getTranslations } from "next-intl/server";
import type { ManualHeadRecord } from "@/lib/manuals/records";
import { formatCalendarDate, formatShanghaiDateTime } from "@/lib/time/shanghai";
import { DetailList } from "./detail-list";

const textFields = [
  "emsNo",
  "seqNo",
  "etpsPreentNo",
  "emsTypecd",
  "masterCuscd",
  "bizopEtpsno",
  "bizopEtpsSccd",
  "bizopEtpsNm",
  "rcvgdEtpsno",
  "rvsngdEtpsSccd",
  "rcvgdEtpsNm",
  "dclEtpsno",
  "dclEtpsSccd",
  "dclEtpsNm",
] as const;

// 表头 (NemsHead) with the manual's Chinese field names (data-fields.md).
export async function ManualHead({ head }: { head: ManualHeadRecord }) {
  const t = await getTranslations("adminManuals");
  return (
    <DetailList
      items={[
        // Codes in monospace, names (…Nm) as text.
        ...textFields.map((field) => ({ label: t(`head.${field}`), value: head[field] ?? "-", mono: !field.endsWith("Nm") })),
        { label: t("head.dclTypecd"), value: `${head.dclTypecd}（${t(`dclType.${head.dclTypecd === "2" ? "2" : "1"}`)}）` },
        { label: t("head.finishValidDate"), value: formatCalendarDate(head.finishValidDate), mono: true },
        { label: t("head.chgTmsCnt"), value: head.chgTmsCnt },
        { label: t("head.mtpckItemCnt"), value: head.mtpckItemCnt },
        { label: t("head.endprdItemCnt"), value: head.endprdItemCnt },
        { label: t("head.putrecApprTime"), value: formatShanghaiDateTime(head.putrecApprTime), mono: true },
        { label: t("head.chgApprTime"), value: head.chgApprTime ? formatShanghaiDateTime(head.chgApprTime) : "-", mono: true },
      ]}
    />
  );
}
