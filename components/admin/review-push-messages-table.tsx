import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { TableCell, TableRow } from "@/components/ui/table";
import type { ReviewPushMessageRow } from "@/lib/review/list-push-messages";
import { formatShanghaiDateTime } from "@/lib/time/shanghai";
import { ListTable } from "@/components/list-table";
import { DeliveryError } from "@/components/pushes/delivery-error";
import { DispatchStatusBadge } from "./status-badges";

const columns = [
  "seq",
  "messageId",
  "messageType",
  "emsNo",
  "customsCode",
  "clientId",
  "recordId",
  "part",
  "dispatchStatus",
  "dispatchedAt",
  "attemptCount",
  "resent",
  "resentAt",
  "lastError",
] as const;

export async function ReviewPushMessagesTable({ rows, firstRow }: { rows: ReviewPushMessageRow[]; firstRow: number }) {
  const t = await getTranslations("adminReview");
  const time = (at: Date | null) => (at ? formatShanghaiDateTime(at) : "-");
  return (
    <ListTable headers={columns.map((c) => t(`col.${c}`))} rowCount={rows.length} emptyText={t("emptyPushMessages")}>
      {rows.map((row, index) => (
        <TableRow key={row.id} data-testid={`review-push-${row.messageId}`}>
          <TableCell>{firstRow + index}</TableCell>
          <TableCell className="font-mono text-xs">
            <Link
              className="text-primary underline-offset-4 hover:underline"
              href={`/admin/push-messages/${row.messageId}`}
              data-testid="message-link"
            >
              {row.messageId}
            </Link>
          </TableCell>
          <TableCell data-testid="message-type">{t(`messageType.${row.type}`)}</TableCell>
          <TableCell className="font-mono text-xs">{row.emsNo}</TableCell>
          <TableCell className="font-mono text-xs" title={row.enterpriseName}>
            {row.customsCode}
          </TableCell>
          <TableCell className="font-mono text-xs">
            <Link className="text-primary underline-offset-4 hover:underline" href={`/admin/import-clients?clientId=${row.clientId}`}>
              {row.clientId}
            </Link>
          </TableCell>
          <TableCell>
            {row.subscriptionId ? (
              <Link className="text-primary underline-offset-4 hover:underline" href={`/admin/subscriptions/${row.subscriptionId}`}>
                {row.subscriptionId}
              </Link>
            ) : (
              "-"
            )}
          </TableCell>
          <TableCell className="text-xs">
            {row.partNo}/{row.partCount}
          </TableCell>
          <TableCell>
            <DispatchStatusBadge status={row.dispatchStatus} />
          </TableCell>
          <TableCell className="whitespace-nowrap font-mono text-xs">{time(row.dispatchedAt)}</TableCell>
          <TableCell className="whitespace-nowrap text-right" data-testid="attempt-count">
            {row.attemptCount}
            {row.failedAttempts > 0 && <span className="block text-xs text-destructive">{t("failedAttempts", { count: row.failedAttempts })}</span>}
          </TableCell>
          <TableCell className="text-xs">{t(row.resent ? "resent.yes" : "resent.no")}</TableCell>
          <TableCell className="whitespace-nowrap font-mono text-xs">{time(row.resentAt)}</TableCell>
          <TableCell className="max-w-56 text-xs" data-testid="last-error">
            {row.clientPaused && row.dispatchStatus === "PENDING" && <span className="block font-medium">{t("waitsForPausedClient")}</span>}
            {row.lastError && <DeliveryError error={row.lastError} />}
          </TableCell>
        </TableRow>
      ))}
    </ListTable>
  );
}
