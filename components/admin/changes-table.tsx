import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { TableCell, TableRow } from "@/components/ui/table";
import type { ChangeListRow } from "@/lib/manuals/list-changes";
import { formatShanghaiDateTime } from "@/lib/time/shanghai";
import { ListTable } from "@/components/list-table";
import { ChangeStatusBadge } from "./status-badges";

const columns = [
  "emsNo",
  "processingUnit",
  "chgTmsCnt",
  "headChanged",
  "materialChanges",
  "productChanges",
  "submittedAt",
  "requestId",
  "status",
  "decidedAt",
  "actions",
] as const;

export async function ChangesTable({ rows }: { rows: ChangeListRow[] }) {
  const t = await getTranslations("adminManuals");
  return (
    <ListTable headers={columns.map((c) => t(`col.${c}`))} rowCount={rows.length} emptyText={t("emptyChanges")}>
      {rows.map((row) => (
        <TableRow key={row.id} data-testid={`change-row-${row.id}`}>
          <TableCell className="font-mono text-xs">
            <Link className="text-primary underline-offset-4 hover:underline" href={`/admin/manuals/${row.emsNo}`}>
              {row.emsNo}
            </Link>
          </TableCell>
          <TableCell className="max-w-48 truncate text-xs" title={row.rcvgdEtpsNm}>
            {row.rcvgdEtpsNm}
          </TableCell>
          <TableCell className="text-right">{row.chgTmsCnt}</TableCell>
          <TableCell className="text-xs">{row.headChanged ? t("yes") : "-"}</TableCell>
          <TableCell className="text-right">{row.materialCount}</TableCell>
          <TableCell className="text-right">{row.productCount}</TableCell>
          <TableCell className="whitespace-nowrap font-mono text-xs">{formatShanghaiDateTime(row.submittedAt)}</TableCell>
          <TableCell className="max-w-40 truncate font-mono text-xs" title={row.requestId ?? undefined}>
            {row.requestId ?? "-"}
          </TableCell>
          <TableCell>
            <ChangeStatusBadge status={row.status} />
          </TableCell>
          <TableCell className="whitespace-nowrap font-mono text-xs">{row.decidedAt ? formatShanghaiDateTime(row.decidedAt) : "-"}</TableCell>
          <TableCell>
            <Link className="text-primary underline-offset-4 hover:underline" href={`/admin/changes/${row.id}`}>
              {row.status === "PENDING" ? t("review") : t("view")}
            </Link>
          </TableCell>
        </TableRow>
      ))}
    </ListTable>
  );
}
