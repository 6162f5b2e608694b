"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { useCardSignature } from "@/components/card/card-signature-provider";
import { ConfirmButton } from "@/components/confirm-button";
import { ListTable } from "@/components/list-table";
import { PagerLinks } from "@/components/pager-links";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { TableCell, TableRow } from "@/components/ui/table";
import { resendMessagesAction } from "@/lib/actions/pushes/resend-messages";
import type { PushLogRow } from "@/lib/pushes/log";
import { formatShanghaiDateTime } from "@/lib/time/shanghai";
import type { TPushLogCursor, TPushLogQuery, TResendRequest } from "@/lib/validations/push-log";
import { MessageDetailDialog } from "./message-detail-dialog";

const columns = ["seq", "messageId", "emsNo", "clientId", "dispatchStatus", "dispatchedAt", "resent", "resentAt", "actions"] as const;
const statusVariant = { PENDING: "warning", DELIVERED: "success", FAILED: "destructive" } as const;

export function PushLogTable(props: {
  rows: PushLogRow[];
  query: TPushLogQuery;
  failedCount: number;
  firstRowNumber: number;
  nextCursor: TPushLogCursor | null;
  isFirstPage: boolean;
}) {
  const t = useTranslations("pushes");
  const router = useRouter();
  const sign = useCardSignature();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [detail, setDetail] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const { rows, query } = props;
  const allSelected = rows.length > 0 && rows.every((r) => selected.has(r.messageId));

  const toggle = (messageId: string, checked: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (checked) next.add(messageId);
      else next.delete(messageId);
      return next;
    });

  // One card signature (legal-person or operator card) for the whole selection (R17).
  const resend = (payload: TResendRequest) =>
    startTransition(async () => {
      const signed = await sign({ action: "RESEND", payload, title: t("resendConfirmTitle") });
      if (!signed.ok) return void (signed.error && toast.error(signed.error));
      const result = await resendMessagesAction({ payload, proof: signed.proof });
      if (!result.ok) return void toast.error(result.error);
      toast.success(t("resendDone", { count: result.resent }));
      setSelected(new Set());
      router.refresh();
    });

  const pageHref = (cursor: TPushLogCursor | null, n?: number) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
    if (cursor) {
      params.set("at", cursor.at);
      params.set("id", String(cursor.id));
      params.set("n", String(n));
    }
    return `/pushes?${params}`;
  };

  return (
    <div className="grid gap-3">
      <div className="flex flex-wrap items-center gap-2">
        <Button size="sm" disabled={pending || selected.size === 0} onClick={() => resend({ messageIds: [...selected] })}>
          {t("resendSelected", { count: selected.size })}
        </Button>
        {/* 重发本次查询中全部下发失败的报文, with the count in the confirmation. */}
        <ConfirmButton
          label={t("resendFailed", { count: props.failedCount })}
          title={t("resendConfirmTitle")}
          description={t("resendFailedConfirm", { count: props.failedCount })}
          confirmLabel={t("confirm")}
          cancelLabel={t("cancel")}
          disabled={pending || props.failedCount === 0}
          onConfirm={() => resend({ failedOf: query })}
          trigger={{ variant: "outline", size: "sm" }}
        />
      </div>
      <ListTable
        headers={[
          <Checkbox
            key="select-all"
            aria-label={t("selectAll")}
            checked={allSelected}
            onCheckedChange={(checked) => setSelected(checked === true ? new Set(rows.map((r) => r.messageId)) : new Set())}
          />,
          ...columns.map((c) => t(`col.${c}`)),
        ]}
        rowCount={rows.length}
        emptyText={t("empty")}
      >
        {rows.map((row, index) => (
          <TableRow key={row.id} data-testid={`push-row-${row.messageId}`} data-state={selected.has(row.messageId) ? "selected" : undefined}>
            <TableCell>
              <Checkbox
                aria-label={t("selectRow", { messageId: row.messageId })}
                checked={selected.has(row.messageId)}
                onCheckedChange={(checked) => toggle(row.messageId, checked === true)}
              />
            </TableCell>
            <TableCell>{props.firstRowNumber + index}</TableCell>
            <TableCell className="font-mono text-xs">
              {row.messageId}
              <span className="block text-muted-foreground">
                {t(`type.${row.type}`)} {row.partCount > 1 && t("part", { partNo: row.partNo, partCount: row.partCount })}
              </span>
            </TableCell>
            <TableCell className="font-mono text-xs">{row.emsNo}</TableCell>
            <TableCell className="font-mono text-xs">{row.clientId}</TableCell>
            <TableCell>
              <Badge variant={statusVariant[row.dispatchStatus]} data-testid="dispatch-status">
                {t(`dispatchStatus.${row.dispatchStatus}`)}
              </Badge>
            </TableCell>
            <TableCell className="whitespace-nowrap font-mono text-xs">{formatShanghaiDateTime(row.dispatchedAt)}</TableCell>
            <TableCell data-testid="resent-flag">{t(`resentFlag.${row.resent}`)}</TableCell>
            <TableCell className="whitespace-nowrap font-mono text-xs" data-testid="resent-at">
              {row.resentAt ? formatShanghaiDateTime(row.resentAt) : "-"}
            </TableCell>
            <TableCell className="whitespace-nowrap">
              <Button variant="link" size="sm" className="h-auto px-1" disabled={pending} onClick={() => resend({ messageIds: [row.messageId] })}>
                {t("resend")}
              </Button>
              <Button variant="link" size="sm" className="h-auto px-1" onClick={() => setDetail(row.messageId)}>
                {t("details")}
              </Button>
            </TableCell>
          </TableRow>
        ))}
      </ListTable>
      <PagerLinks
        firstHref={props.isFirstPage ? null : pageHref(null)}
        nextHref={props.nextCursor ? pageHref(props.nextCursor, props.firstRowNumber + rows.length) : null}
      />
      <MessageDetailDialog messageId={detail} onClose={() => setDetail(null)} />
    </div>
  );
}
