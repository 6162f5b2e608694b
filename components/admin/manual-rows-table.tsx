import { getTranslations } from "next-intl/server";
import { TableCell, TableRow } from "@/components/ui/table";
import type { ManualRowView } from "@/lib/manuals/manual-detail";
import type { ManualRowField } from "@/lib/manuals/row-fields";
import { ListTable } from "@/components/list-table";

// 料件 or 成品 rows: 序号, the row's fields in data-fields.md order, 修改标志.
export async function ManualRowsTable({ rows, fields }: { rows: ManualRowView[]; fields: readonly ManualRowField[] }) {
  const t = await getTranslations("adminManuals");
  const headers = [t("row.gdsSeqno"), ...fields.map((field) => t(`row.${field}`)), t("row.modfMarkcd")];
  return (
    <ListTable headers={headers} rowCount={rows.length} emptyText={t("emptyRows")}>
      {rows.map((row) => (
        <TableRow key={row.gdsSeqno} data-testid={`manual-row-${row.gdsSeqno}`}>
          <TableCell className="font-mono text-xs">{row.gdsSeqno}</TableCell>
          {fields.map((field) => (
            <TableCell key={field} className="whitespace-nowrap text-xs">
              {row.values[field] ?? ""}
            </TableCell>
          ))}
          <TableCell className="text-xs">{row.modfMarkcd}</TableCell>
        </TableRow>
      ))}
    </ListTable>
  );
}
