import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { TableCell, TableRow } from "@/components/ui/table";
import type { ExpiringSubscription } from "@/lib/dashboard/expiring-subscriptions";
import { formatShanghaiDateTime } from "@/lib/time/shanghai";
import { ContentText } from "@/components/subscriptions/content-text";
import { ListTable } from "@/components/list-table";

const columns = ["validUntil", "customsCode", "enterpriseName", "clientId", "content"] as const;

export async function ExpiringSubscriptionsTable({ rows }: { rows: ExpiringSubscription[] }) {
  const t = await getTranslations("adminReview");
  const tDashboard = await getTranslations("adminDashboard");
  return (
    <ListTable headers={columns.map((c) => t(`col.${c}`))} rowCount={rows.length} emptyText={tDashboard("noExpiring")}>
      {rows.map((row) => (
        <TableRow key={row.id}>
          <TableCell className="whitespace-nowrap font-mono text-xs">
            <Link className="text-primary hover:underline" href={`/admin/subscriptions/${row.id}`}>
              {formatShanghaiDateTime(row.validUntil)}
            </Link>
          </TableCell>
          <TableCell className="font-mono text-xs">{row.customsCode}</TableCell>
          <TableCell className="text-xs">{row.enterpriseName}</TableCell>
          <TableCell className="font-mono text-xs">{row.clientId}</TableCell>
          <TableCell className="min-w-56 max-w-md whitespace-normal text-xs">
            <ContentText content={row.content} />
          </TableCell>
        </TableRow>
      ))}
    </ListTable>
  );
}
