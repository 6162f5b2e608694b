import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { TableCell, TableRow } from "@/components/ui/table";
import type { ManualListRow } from "@/lib/manuals/list-manuals";
import { formatCalendarDate } from "@/lib/time/shanghai";
import { ListTable } from "@/components/list-table";

const columns = [
  "emsNo",
  "processingUnit",
  "operatingEnterprise",
  "masterCuscd",
  "chgTmsCnt",
  "materials",
  "products",
  "finishValidDate",
  "pendingChanges",
] as const;

export async function ManualsTable({ rows }: { rows: ManualListRow[] }) {
  const t = await getTranslations("adminManuals");
  return (
    <ListTable headers={columns.map((c) => t(`col.${c}`))} rowCount={rows.length} emptyText={t("emptyManuals")}>
      {rows.map((row) => (
        <TableRow key={row.emsNo}>
          <TableCell className="font-mono text-xs">
            <Link className="text-primary underline-offset-4 hover:underline" href={`/admin/manuals/${row.emsNo}`}>
              {row.emsNo}
            </Link>
          </TableCell>
          <TableCell className="text-xs">
            <span className="font-mono">{row.rcvgdEtpsno}</span> {row.rcvgdEtpsNm}
          </TableCell>
          <TableCell className="text-xs">
            <span className="font-mono">{row.bizopEtpsno}</span> {row.bizopEtpsNm}
          </TableCell>
          <TableCell className="font-mono text-xs">{row.masterCuscd}</TableCell>
          <TableCell className="text-right">{row.chgTmsCnt}</TableCell>
          <TableCell className="text-right">{row.mtpckItemCnt}</TableCell>
          <TableCell className="text-right">{row.endprdItemCnt}</TableCell>
          <TableCell className="font-mono text-xs">{formatCalendarDate(row.finishValidDate)}</TableCell>
          <TableCell>
            {row.pendingChanges > 0 ? (
              <Link href={`/admin/changes?emsNo=${row.emsNo}`}>
                <Badge variant="warning">{t("pendingCount", { count: row.pendingChanges })}</Badge>
              </Link>
            ) : (
              "-"
            )}
          </TableCell>
        </TableRow>
      ))}
    </ListTable>
  );
}
