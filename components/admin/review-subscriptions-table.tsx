import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { TableCell, TableRow } from "@/components/ui/table";
import type { ReviewSubscriptionRow } from "@/lib/review/list-subscriptions";
import { formatShanghaiDateTime } from "@/lib/time/shanghai";
import { ListTable } from "@/components/list-table";
import { ContentText } from "@/components/subscriptions/content-text";
import { SubscriptionStatusBadge } from "./status-badges";

const columns = [
  "seq",
  "customsCode",
  "enterpriseName",
  "clientId",
  "cardNo",
  "content",
  "enteredBy",
  "createdAt",
  "validUntil",
  "status",
  "pushCount",
  "actions",
] as const;

export async function ReviewSubscriptionsTable({ rows, firstRow }: { rows: ReviewSubscriptionRow[]; firstRow: number }) {
  const t = await getTranslations("adminReview");
  return (
    <ListTable headers={columns.map((c) => t(`col.${c}`))} rowCount={rows.length} emptyText={t("emptySubscriptions")}>
      {rows.map((row, index) => (
        <TableRow key={row.id} data-testid={`review-subscription-${row.id}`}>
          <TableCell>{firstRow + index}</TableCell>
          <TableCell className="font-mono text-xs">{row.customsCode}</TableCell>
          <TableCell className="max-w-40 truncate text-xs" title={row.enterpriseName}>
            {row.enterpriseName}
          </TableCell>
          <TableCell className="font-mono text-xs">{row.clientId}</TableCell>
          <TableCell className="font-mono text-xs">{row.cardNo}</TableCell>
          <TableCell className="min-w-56 max-w-md whitespace-normal text-xs">
            <ContentText text={row.content} />
          </TableCell>
          <TableCell className="font-mono text-xs">{row.enteredBy}</TableCell>
          <TableCell className="whitespace-nowrap font-mono text-xs">{formatShanghaiDateTime(row.createdAt)}</TableCell>
          <TableCell className="whitespace-nowrap font-mono text-xs">{formatShanghaiDateTime(row.validUntil)}</TableCell>
          <TableCell>
            <SubscriptionStatusBadge status={row.status} />
          </TableCell>
          <TableCell className="text-right">{row.pushCount}</TableCell>
          <TableCell>
            <Link className="text-primary underline-offset-4 hover:underline" href={`/admin/subscriptions/${row.id}`}>
              {t("view")}
            </Link>
          </TableCell>
        </TableRow>
      ))}
    </ListTable>
  );
}
