import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { ListTable } from "@/components/list-table";
import { PagerLinks } from "@/components/pager-links";
import { TableCell, TableRow } from "@/components/ui/table";
import type { BindableCard, ImportClientRow } from "@/lib/import-clients/list";
import { formatShanghaiDateTime } from "@/lib/time/shanghai";
import { DeliveryError } from "@/components/pushes/delivery-error";
import { ClientRowActions } from "./client-row-actions";

const columns = [
  "seq",
  "clientId",
  "name",
  "cardMedium",
  "deliveryMode",
  "endpointUrl",
  "status",
  "lastDelivery",
  "recentFailures",
  "actions",
] as const;

export async function ImportClientsTable(props: {
  rows: ImportClientRow[];
  cards: BindableCard[];
  /** The pause rule a paused client's line names (lib/import-clients/pause.ts). */
  pauseAfterHours: number;
  firstRowNumber: number;
  nextCursor: number | null;
  isFirstPage: boolean;
}) {
  const t = await getTranslations("importClients");
  const { rows, firstRowNumber, nextCursor } = props;
  return (
    <div className="grid gap-3">
      <ListTable headers={columns.map((c) => t(`col.${c}`))} rowCount={rows.length} emptyText={t("empty")}>
        {rows.map((row, index) => (
          <TableRow key={row.clientId} data-testid={`client-row-${row.clientId}`}>
            <TableCell>{firstRowNumber + index}</TableCell>
            <TableCell className="font-mono text-xs">{row.clientId}</TableCell>
            <TableCell className="text-xs">{row.name}</TableCell>
            <TableCell className="whitespace-nowrap text-xs" data-testid="client-card">
              {row.boundCardNo ? (
                <>
                  <span className="font-mono">{row.boundCardNo}</span>
                  {row.boundCardKind && <span className="ml-1 text-muted-foreground">{t(`cardKind.${row.boundCardKind}`)}</span>}
                </>
              ) : (
                <span className="text-muted-foreground">{t("notBound")}</span>
              )}
            </TableCell>
            <TableCell className="whitespace-nowrap text-xs" data-testid="client-delivery-mode">
              <Badge variant={row.deliveryMode === "PULL" ? "secondary" : "outline"}>{t(`deliveryModeName.${row.deliveryMode}`)}</Badge>
            </TableCell>
            <TableCell className="max-w-56 truncate font-mono text-xs" title={row.endpointUrl} data-testid="client-endpoint">
              {row.endpointUrl}
            </TableCell>
            <TableCell className="whitespace-nowrap text-xs">
              <Badge variant={row.status === "PAUSED" ? "destructive" : "success"} data-testid="client-status">
                {t(`status.${row.status}`)}
              </Badge>
              <ClientHealth row={row} pauseAfterHours={props.pauseAfterHours} />
              {row.waiting > 0 && <span className="mt-1 block text-muted-foreground">{t("waiting", { count: row.waiting })}</span>}
            </TableCell>
            <TableCell className="text-xs" data-testid="client-last-delivery">
              {row.lastAttempt ? (
                <>
                  <Badge variant={row.lastAttempt.delivered ? "success" : "destructive"}>
                    {t(`dispatchStatus.${row.lastAttempt.delivered ? "DELIVERED" : "FAILED"}`)}
                  </Badge>
                  <span className="ml-1 whitespace-nowrap font-mono">{formatShanghaiDateTime(row.lastAttempt.startedAt)}</span>
                  {row.lastAttempt.error && <DeliveryError error={row.lastAttempt.error} className="mt-1 max-w-64" />}
                </>
              ) : (
                <span className="text-muted-foreground">{t("neverDelivered")}</span>
              )}
            </TableCell>
            <TableCell className="text-right text-xs" data-testid="client-recent-failures">
              <span className={row.recentFailures > 0 ? "text-destructive" : undefined}>{row.recentFailures}</span>
              {/* Failures of the last 24 hours stay counted after the client recovered: say that it did. */}
              {row.recentFailures > 0 && !row.failingSince && row.lastDeliveredAt && (
                <span className="mt-1 block whitespace-nowrap text-muted-foreground">
                  {t("recoveredSince", { at: formatShanghaiDateTime(row.lastDeliveredAt) })}
                </span>
              )}
            </TableCell>
            <TableCell>
              <ClientRowActions client={row} cards={props.cards} />
            </TableCell>
          </TableRow>
        ))}
      </ListTable>
      <PagerLinks
        firstHref={props.isFirstPage ? null : "/import-clients"}
        nextHref={nextCursor ? `/import-clients?after=${nextCursor}&from=${firstRowNumber + rows.length}` : null}
      />
    </div>
  );
}

/** Why and since when: paused (and when it is probed next), or failing and not yet paused, with its last success. */
async function ClientHealth({ row, pauseAfterHours }: { row: ImportClientRow; pauseAfterHours: number }) {
  const t = await getTranslations("importClients");
  const at = (date: Date) => formatShanghaiDateTime(date);
  if (row.status === "PAUSED") {
    return (
      <span className="mt-1 block text-destructive" data-testid="client-health">
        {row.failingSince ? t("pausedSince", { since: at(row.failingSince), hours: pauseAfterHours }) : row.pausedAt && at(row.pausedAt)}
        {row.nextProbeAt && <span className="block text-muted-foreground">{t("nextProbe", { at: at(row.nextProbeAt) })}</span>}
      </span>
    );
  }
  if (!row.failingSince) return null;
  return (
    <span className="mt-1 block text-destructive" data-testid="client-health">
      {t("failingSince", { since: at(row.failingSince) })}
      <span className="block text-muted-foreground">{row.lastDeliveredAt ? t("lastSuccess", { at: at(row.lastDeliveredAt) }) : t("noSuccess")}</span>
    </span>
  );
}
