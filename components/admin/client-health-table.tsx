import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { TableCell, TableRow } from "@/components/ui/table";
import type { ClientHealthRow } from "@/lib/review/client-health";
import { formatShanghaiDateTime } from "@/lib/time/shanghai";
import { ListTable } from "@/components/list-table";
import { DeliveryError } from "@/components/pushes/delivery-error";
import { ClientHealthState } from "./client-health-state";

const columns = ["clientId", "enterprise", "endpointUrl", "health", "failuresSince", "lastFailure", "lastDeliveredAt", "pending", "failed"] as const;

// Import clients with their delivery health (lib/review/client-health.ts): the admins' health view and the
// dashboard's failing clients show the same figures. Counts link to the messages they count.
export async function ClientHealthTable({ rows, emptyText }: { rows: ClientHealthRow[]; emptyText: string }) {
  const t = await getTranslations("adminClients");
  const messages = (clientId: string, status: string) => `/admin/push-messages?clientId=${clientId}&status=${status}&type=DATA`;
  return (
    <ListTable headers={columns.map((c) => t(`col.${c}`))} rowCount={rows.length} emptyText={emptyText}>
      {rows.map((row) => (
        <TableRow key={row.id} data-testid={`client-health-${row.clientId}`}>
          <TableCell className="text-xs">
            <Link className="font-mono text-primary underline-offset-4 hover:underline" href={`/admin/import-clients?clientId=${row.clientId}`}>
              {row.clientId}
            </Link>
            <span className="block text-muted-foreground">{row.name}</span>
          </TableCell>
          <TableCell className="text-xs">
            <span className="font-mono">{row.customsCode}</span>
            <span className="block">{row.enterpriseName}</span>
          </TableCell>
          <TableCell className="max-w-48 truncate font-mono text-xs" title={row.endpointUrl}>
            {row.endpointUrl}
          </TableCell>
          <TableCell>
            <ClientHealthState client={row} />
          </TableCell>
          <TableCell className="text-right" data-testid="failures-since">
            {row.failuresSince}
          </TableCell>
          <TableCell className="max-w-72 text-xs">
            {row.lastFailure ? (
              <>
                <span className="block whitespace-nowrap font-mono">{formatShanghaiDateTime(row.lastFailure.at)}</span>
                <span className="block" data-testid="last-failure">
                  {row.lastFailure.error ? <DeliveryError error={row.lastFailure.error} /> : `HTTP ${row.lastFailure.httpStatus ?? "-"}`}
                </span>
              </>
            ) : (
              "-"
            )}
          </TableCell>
          <TableCell className="whitespace-nowrap font-mono text-xs">
            {row.lastDeliveredAt ? formatShanghaiDateTime(row.lastDeliveredAt) : "-"}
          </TableCell>
          <TableCell className="text-right">
            <Link className="hover:underline" data-testid="pending-count" href={messages(row.clientId, "PENDING")}>
              {row.pending}
            </Link>
          </TableCell>
          <TableCell className="text-right">
            <Link className="text-destructive hover:underline" data-testid="failed-count" href={messages(row.clientId, "FAILED")}>
              {row.failed}
            </Link>
          </TableCell>
        </TableRow>
      ))}
    </ListTable>
  );
}
