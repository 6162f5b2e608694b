import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { TableCell, TableRow } from "@/components/ui/table";
import type { FailingClient } from "@/lib/dashboard/failing-clients";
import { formatShanghaiDateTime } from "@/lib/time/shanghai";
import { ListTable } from "@/components/list-table";

const columns = ["clientId", "enterprise", "endpointUrl", "status", "failed", "retrying", "lastDispatchedAt", "lastError"] as const;

export async function FailingClientsTable({ rows }: { rows: FailingClient[] }) {
  const t = await getTranslations("adminDashboard");
  return (
    <ListTable headers={columns.map((c) => t(`col.${c}`))} rowCount={rows.length} emptyText={t("noFailingClients")}>
      {rows.map((row) => (
        <TableRow key={row.clientId}>
          <TableCell className="font-mono text-xs">{row.clientId}</TableCell>
          <TableCell className="text-xs">
            <span className="font-mono">{row.customsCode}</span> {row.enterpriseName}
          </TableCell>
          <TableCell className="max-w-48 truncate font-mono text-xs" title={row.endpointUrl}>
            {row.endpointUrl}
          </TableCell>
          <TableCell className="whitespace-nowrap text-xs">
            <Badge variant={row.status === "PAUSED" ? "destructive" : "outline"}>{t(`clientStatus.${row.status}`)}</Badge>
            {row.pausedAt && <span className="ml-1 font-mono">{formatShanghaiDateTime(row.pausedAt)}</span>}
            {row.failingSince && (
              <span className="mt-1 block text-destructive">{t("failingSince", { since: formatShanghaiDateTime(row.failingSince) })}</span>
            )}
          </TableCell>
          <TableCell className="text-right">
            <Link className="text-destructive hover:underline" href={`/admin/push-messages?customsCode=${row.customsCode}&status=FAILED`}>
              {row.failed}
            </Link>
          </TableCell>
          <TableCell className="text-right">{row.retrying}</TableCell>
          <TableCell className="whitespace-nowrap font-mono text-xs">{row.lastDispatchedAt ? formatShanghaiDateTime(row.lastDispatchedAt) : "-"}</TableCell>
          <TableCell className="max-w-64 truncate text-xs text-destructive" title={row.lastError ?? undefined}>
            {row.lastError ?? "-"}
          </TableCell>
        </TableRow>
      ))}
    </ListTable>
  );
}
