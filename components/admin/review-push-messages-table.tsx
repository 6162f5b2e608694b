import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { TableCell, TableRow } from "@/components/ui/table";
import type { ReviewPushMessageRow } from "@/lib/review/list-push-messages";
import { formatShanghaiDateTime } from "@/lib/time/shanghai";
import { ExpandableText } from "@/components/expandable-text";
import { ListTable } from "@/components/list-table";
import { DeliveryError } from "@/components/pushes/delivery-error";
import { DispatchStatusBadge } from "./status-badges";

// Fixed columns that fit a 1440 px screen: a message's type and part under its id, the enterprise's name under
// its 海关十位, the resend time under its flag; 最近错误 takes the rest, expandable when long.
const columns = [
  ["seq", "w-12"],
  ["messageAndType", "w-40"],
  ["emsNo", "w-28"],
  ["enterprise", "w-28"],
  ["clientId", "w-24"],
  ["recordId", "w-14"],
  ["dispatchStatus", "w-20"],
  ["dispatchedAt", "w-24"],
  ["attemptCount", "w-20"],
  ["resentAndTime", "w-24"],
  ["lastError", ""],
] as const;

export async function ReviewPushMessagesTable({ rows, firstRow }: { rows: ReviewPushMessageRow[]; firstRow: number }) {
  const t = await getTranslations("adminReview");
  const time = (at: Date | null) => (at ? formatShanghaiDateTime(at) : "-");
  return (
    <ListTable
      headers={columns.map(([column]) => t(`col.${column}`))}
      widths={columns.map(([, width]) => width)}
      rowCount={rows.length}
      emptyText={t("emptyPushMessages")}
    >
      {rows.map((row, index) => (
        <TableRow key={row.id} data-testid={`review-push-${row.messageId}`}>
          <TableCell>{firstRow + index}</TableCell>
          <TableCell className="text-xs">
            <Link
              className="font-mono text-primary underline-offset-4 hover:underline"
              href={`/admin/push-messages/${row.messageId}`}
              data-testid="message-link"
            >
              {row.messageId}
            </Link>
            <span className="block text-muted-foreground">
              <span data-testid="message-type">{t(`messageType.${row.type}`)}</span> · {row.partNo}/{row.partCount}
            </span>
            {row.manualChangeId && (
              <Link
                className="text-primary underline-offset-4 hover:underline"
                href={`/admin/changes/${row.manualChangeId}`}
                data-testid="message-change"
              >
                {t("changeLink", { id: row.manualChangeId })}
              </Link>
            )}
          </TableCell>
          <TableCell className="font-mono text-xs">{row.emsNo}</TableCell>
          <TableCell className="text-xs">
            <span className="block font-mono">{row.customsCode}</span>
            <ExpandableText lines={2}>{row.enterpriseName}</ExpandableText>
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
          <TableCell>
            <DispatchStatusBadge status={row.dispatchStatus} />
          </TableCell>
          <TableCell className="font-mono text-xs">{time(row.dispatchedAt)}</TableCell>
          <TableCell className="text-right" data-testid="attempt-count">
            {row.attemptCount}
            {row.failedAttempts > 0 && <span className="block text-xs text-destructive">{t("failedAttempts", { count: row.failedAttempts })}</span>}
          </TableCell>
          <TableCell className="text-xs">
            {t(row.resent ? "resent.yes" : "resent.no")}
            {row.resentAt && <span className="block font-mono text-muted-foreground">{time(row.resentAt)}</span>}
          </TableCell>
          <TableCell className="text-xs" data-testid="last-error">
            {row.clientPaused && row.dispatchStatus === "PENDING" && <span className="block font-medium">{t("waitsForPausedClient")}</span>}
            {row.lastError && (
              <ExpandableText>
                <DeliveryError error={row.lastError} />
              </ExpandableText>
            )}
          </TableCell>
        </TableRow>
      ))}
    </ListTable>
  );
}
