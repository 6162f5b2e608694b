import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { ListTable } from "@/components/list-table";
import { PageNumbers } from "@/components/page-numbers";
import { TableCell, TableRow } from "@/components/ui/table";
import type { StockProgress } from "@/lib/pushes/progress";
import type { SubscriptionRow } from "@/lib/subscriptions/list";
import { formatShanghaiDateTime } from "@/lib/time/shanghai";
import type { TSubscriptionListQuery } from "@/lib/validations/subscription-filters";
import { ContentText } from "./content-text";
import { SubscriptionRowActions } from "./subscription-row-actions";

const columns = ["seq", "customsCode", "clientId", "cardNo", "content", "enteredBy", "createdAt", "validUntil", "status", "actions"] as const;
const statusVariant = { ACTIVE: "success", CANCELLED: "secondary", EXPIRED: "outline" } as const;

export async function SubscriptionRecords(props: {
  page: { rows: SubscriptionRow[]; total: number; page: number; pageCount: number; pageSize: number };
  progress: Record<number, StockProgress>;
  query: TSubscriptionListQuery;
  today: string;
  latest: string;
  /** Replaces the empty-list text, e.g. when a filter was refused. */
  emptyText?: string;
}) {
  const t = await getTranslations("subscriptions");
  const { query } = props;
  const { rows, total, page, pageCount, pageSize } = props.page;
  const firstRowNumber = (page - 1) * pageSize + 1;
  const pageLink = (number: number) => {
    const params = new URLSearchParams();
    for (const key of ["emsNo", "kind", "status"] as const) if (query[key]) params.set(key, String(query[key]));
    if (number > 1) params.set("page", String(number));
    const search = params.toString();
    return search ? `/subscriptions?${search}` : "/subscriptions";
  };
  return (
    <div className="grid gap-3">
      <ListTable headers={columns.map((c) => t(`col.${c}`))} rowCount={rows.length} emptyText={props.emptyText ?? t("empty")}>
        {rows.map((row, index) => (
          <TableRow key={row.id} data-testid={`subscription-row-${row.id}`}>
            <TableCell>{firstRowNumber + index}</TableCell>
            <TableCell className="font-mono text-xs">{row.customsCode}</TableCell>
            <TableCell className="font-mono text-xs">{row.clientId}</TableCell>
            <TableCell className="font-mono text-xs">{row.cardNo}</TableCell>
            <TableCell className="min-w-56 max-w-md whitespace-normal text-xs">
              <ContentText content={row.content} testId="subscription-content" />
              {row.hasStock && <StockProgressLine progress={props.progress[row.id]} href={pushesOf(row, props.today)} />}
            </TableCell>
            <TableCell className="font-mono text-xs">{row.enteredBy}</TableCell>
            <TableCell className="whitespace-nowrap font-mono text-xs">{formatShanghaiDateTime(row.createdAt)}</TableCell>
            <TableCell className="whitespace-nowrap font-mono text-xs">{formatShanghaiDateTime(row.validUntil)}</TableCell>
            <TableCell>
              <Badge variant={statusVariant[row.status]} data-testid="subscription-status">
                {t(`status.${row.status}`)}
              </Badge>
            </TableCell>
            <TableCell className="whitespace-nowrap">
              {row.canCancelOrExtend ? (
                <SubscriptionRowActions
                  subscriptionId={row.id}
                  validUntil={formatShanghaiDateTime(row.validUntil).slice(0, 10)}
                  latest={props.latest}
                />
              ) : (
                "-"
              )}
            </TableCell>
          </TableRow>
        ))}
      </ListTable>
      <PageNumbers page={page} pageCount={pageCount} total={total} href={pageLink} />
    </div>
  );
}

/** 推送记录 filtered to the subscription's messages, from the day it was made. */
const pushesOf = (row: SubscriptionRow, today: string) =>
  `/pushes?${new URLSearchParams({ subscriptionId: String(row.id), from: formatShanghaiDateTime(row.createdAt).slice(0, 10), to: today })}`;

async function StockProgressLine({ progress, href }: { progress?: StockProgress; href: string }) {
  const t = await getTranslations("subscriptions");
  if (!progress || progress.total === null) {
    return <span className="mt-1 block text-muted-foreground">{t("progressPending")}</span>;
  }
  return (
    <span className="mt-1 block text-muted-foreground">
      <Link href={href} className="underline-offset-2 hover:underline" title={t("progressLink")} data-testid="stock-progress">
        {t("progress", { delivered: progress.delivered, total: progress.total })}
      </Link>
      {progress.failed > 0 && <span className="ml-2 text-destructive">{t("progressFailed", { failed: progress.failed })}</span>}
    </span>
  );
}
