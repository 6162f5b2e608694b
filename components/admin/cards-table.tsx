import { History } from "lucide-react";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { ListTable } from "@/components/list-table";
import { Badge } from "@/components/ui/badge";
import { TableCell, TableRow } from "@/components/ui/table";
import { auditTrailHref } from "@/lib/audit/targets";
import { certificateState, type CardRow } from "@/lib/cards/list-cards";
import { formatShanghaiDateTime } from "@/lib/time/shanghai";
import { RevokeCardButton } from "./revoke-card-button";

const columns = ["cardNo", "kind", "holder", "enterprise", "status", "registeredAt", "validity", "boundClients", "actions"] as const;

// Registered cards as a reviewer checks them: status (since when revoked), registration, certificate validity
// (flagged when it has run out or not begun), the clients bound to each, 注销 and the card's audit trail.
export async function CardsTable({ rows, now }: { rows: CardRow[]; now: Date }) {
  const t = await getTranslations("adminCards");
  return (
    <ListTable headers={columns.map((c) => t(`col.${c}`))} rowCount={rows.length} emptyText={t("empty")}>
      {rows.map((card) => {
        const certificate = certificateState(card, now);
        return (
          <TableRow key={card.cardNo} data-testid={`card-${card.cardNo}`}>
            <TableCell className="font-mono text-xs">{card.cardNo}</TableCell>
            <TableCell>
              <Badge variant={card.kind === "LEGAL_PERSON" ? "default" : "secondary"}>{t(`kind.${card.kind}`)}</Badge>
            </TableCell>
            <TableCell className="text-xs">{card.holder}</TableCell>
            <TableCell className="text-xs">
              <span className="font-mono">{card.enterprise.customsCode}</span>
              <span className="block">{card.enterprise.name}</span>
            </TableCell>
            <TableCell className="text-xs" data-testid="card-status">
              <Badge variant={card.status === "ACTIVE" ? "success" : "destructive"}>{t(`status.${card.status}`)}</Badge>
              {card.revokedAt && <span className="block whitespace-nowrap">{t("revokedAt", { at: formatShanghaiDateTime(card.revokedAt) })}</span>}
              {card.status === "ACTIVE" && (certificate === "EXPIRED" || certificate === "NOT_YET_VALID") && (
                <span className="block text-destructive">{t(`certificate.${certificate}`)}</span>
              )}
            </TableCell>
            <TableCell className="whitespace-nowrap font-mono text-xs">{formatShanghaiDateTime(card.registeredAt)}</TableCell>
            <TableCell className="whitespace-nowrap font-mono text-xs" data-testid="card-validity">
              {card.certificateNotBefore && card.certificateNotAfter ? (
                <>
                  <span className="block">{formatShanghaiDateTime(card.certificateNotBefore)}</span>
                  <span className="block">{t("validityTo", { at: formatShanghaiDateTime(card.certificateNotAfter) })}</span>
                </>
              ) : (
                <span className="font-sans text-muted-foreground">{t("certificate.NONE")}</span>
              )}
            </TableCell>
            <TableCell className="font-mono text-xs">
              {card.boundClients.length
                ? card.boundClients.map((c) => (
                    <Link key={c.clientId} className="block text-primary hover:underline" href={`/admin/import-clients?clientId=${c.clientId}`}>
                      {c.clientId}
                    </Link>
                  ))
                : "-"}
            </TableCell>
            <TableCell className="whitespace-nowrap">
              <span className="flex items-center gap-2">
                {card.status === "ACTIVE" && (
                  <RevokeCardButton cardNo={card.cardNo} holder={card.holder} boundClientIds={card.boundClients.map((c) => c.clientId)} />
                )}
                <Link href={auditTrailHref("Card", card.cardNo)} className="flex items-center gap-1 text-xs text-muted-foreground hover:text-primary">
                  <History className="size-3.5" />
                  {t("trail")}
                </Link>
              </span>
            </TableCell>
          </TableRow>
        );
      })}
    </ListTable>
  );
}
