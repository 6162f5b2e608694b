import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { TableCell, TableRow } from "@/components/ui/table";
import type { AuditRow } from "@/lib/audit/list-entries";
import { presentDetail } from "@/lib/audit/present-detail";
import { requestLocale } from "@/lib/i18n/request-locale";
import { formatShanghaiDateTime } from "@/lib/time/shanghai";
import { ListTable } from "@/components/list-table";
import { AuditDetail } from "./audit-detail";
import { AuditTarget } from "./audit-target";
import { SignatureCheck } from "./signature-check";

const columns = ["at", "action", "outcome", "account", "customsCode", "target", "cardNo", "signature", "verification", "detail", "ip"] as const;

// The audit log's rows; `trail` is the target the log is filtered by, whose own trail link would lead here again.
export async function AuditTable({ rows, trail }: { rows: AuditRow[]; trail?: { type?: string; id?: string } }) {
  const t = await getTranslations("audit");
  const locale = await requestLocale();
  // Entries written before an action got its label keep their code.
  const actionLabel = (action: string) => (t.has(`action.${action}`) ? t(`action.${action}`) : action);
  return (
    <ListTable headers={columns.map((c) => t(`col.${c}`))} rowCount={rows.length} emptyText={t("empty")}>
      {rows.map((row) => (
        <TableRow key={row.id} data-testid={`audit-${row.id}`}>
          <TableCell className="whitespace-nowrap font-mono text-xs">{formatShanghaiDateTime(row.at)}</TableCell>
          <TableCell className="whitespace-nowrap">{actionLabel(row.action)}</TableCell>
          <TableCell>
            <Badge variant={row.outcome === "OK" ? "success" : "destructive"}>
              {t.has(`outcome.${row.outcome}`) ? t(`outcome.${row.outcome}`) : row.outcome}
            </Badge>
          </TableCell>
          <TableCell className="font-mono text-xs">{row.actorAccount ?? "-"}</TableCell>
          <TableCell className="font-mono text-xs">{row.customsCode ?? "-"}</TableCell>
          <TableCell className="whitespace-nowrap text-xs">
            <AuditTarget type={row.targetType} id={row.targetId} inTrail={trail?.type === row.targetType && trail?.id === row.targetId} />
          </TableCell>
          <TableCell className="font-mono text-xs">{row.cardNo ?? "-"}</TableCell>
          <TableCell className="max-w-32 truncate font-mono text-xs" title={row.signature ?? undefined}>
            {row.signature ?? "-"}
          </TableCell>
          <TableCell>{row.signatureCheck ? <SignatureCheck check={row.signatureCheck} compact /> : "-"}</TableCell>
          <TableCell className="min-w-64 max-w-96 align-top">
            <AuditDetail detail={presentDetail(row, locale)} />
          </TableCell>
          <TableCell className="font-mono text-xs">{row.ip ?? "-"}</TableCell>
        </TableRow>
      ))}
    </ListTable>
  );
}
