import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { ExpandableText } from "@/components/expandable-text";
import { ListTable } from "@/components/list-table";
import { ContentText } from "@/components/subscriptions/content-text";
import { TableCell, TableRow } from "@/components/ui/table";
import type { ReviewSubscriptionRow } from "@/lib/review/list-subscriptions";
import { formatShanghaiDateTime } from "@/lib/time/shanghai";
import { SubscriptionStatusBadge } from "./status-badges";

// Fixed columns that fit a 1440 px screen with 查看 in view: the enterprise, the client and the card each in one
// column of two lines, 订阅内容 taking the rest, expandable when long.
const columns = [
  ["seq", "w-12"],
  ["enterprise", "w-40"],
  ["clientId", "w-24"],
  ["signingCard", "w-28"],
  ["content", ""],
  ["enteredBy", "w-24"],
  ["createdAt", "w-24"],
  ["validUntil", "w-24"],
  ["status", "w-16"],
  ["pushCount", "w-16"],
  ["actions", "w-12"],
] as const;

export async function ReviewSubscriptionsTable({ rows, firstRow }: { rows: ReviewSubscriptionRow[]; firstRow: number }) {
  const t = await getTranslations("adminReview");
  return (
    <ListTable
      headers={columns.map(([column]) => t(`col.${column}`))}
      widths={columns.map(([, width]) => width)}
      rowCount={rows.length}
      emptyText={t("emptySubscriptions")}
    >
      {rows.map((row, index) => (
        <TableRow key={row.id} data-testid={`review-subscription-${row.id}`}>
          <TableCell>{firstRow + index}</TableCell>
          <TableCell className="text-xs">
            <span className="block font-mono">{row.customsCode}</span>
            <ExpandableText lines={2}>{row.enterpriseName}</ExpandableText>
          </TableCell>
          <TableCell className="font-mono text-xs">{row.clientId}</TableCell>
          <TableCell className="text-xs">
            <span className="block font-mono">{row.cardNo}</span>
            <span className="text-muted-foreground">{t(`signature.kind.${row.cardKind}`)}</span>
          </TableCell>
          <TableCell className="text-xs">
            <ExpandableText>
              <ContentText content={row.content} testId="subscription-content" />
            </ExpandableText>
          </TableCell>
          <TableCell className="font-mono text-xs">{row.enteredBy}</TableCell>
          <TableCell className="font-mono text-xs">{formatShanghaiDateTime(row.createdAt)}</TableCell>
          <TableCell className="font-mono text-xs">{formatShanghaiDateTime(row.validUntil)}</TableCell>
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
