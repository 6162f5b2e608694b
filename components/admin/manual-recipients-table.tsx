import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { ListTable } from "@/components/list-table";
import { TableCell, TableRow } from "@/components/ui/table";
import type { ManualRecipient, ManualRecipientClient } from "@/lib/review/manual-recipients";
import { formatShanghaiDateTime } from "@/lib/time/shanghai";
import { filterQuery, type TManualRecipientsFilters } from "@/lib/validations/admin-filters";

const columns = ["enterprise", "client", "delivered", "failed", "pending", "lastDeliveredAt"] as const;

// A manual's recipients, one row per import client under its enterprise; each count opens the messages it counts.
export async function ManualRecipientsTable(props: { emsNo: string; recipients: ManualRecipient[]; range: TManualRecipientsFilters }) {
  const t = await getTranslations("adminManuals.recipients");
  const format = await getFormatter();
  const messagesOf = (customsCode: string, client: ManualRecipientClient, status: "DELIVERED" | "FAILED" | "PENDING") =>
    `/admin/push-messages?${filterQuery({ customsCode, emsNo: props.emsNo, clientId: client.clientId, type: "DATA", status, ...props.range })}`;
  const count = (customsCode: string, client: ManualRecipientClient, status: "DELIVERED" | "FAILED" | "PENDING", value: number) =>
    value === 0 ? (
      "0"
    ) : (
      <Link className="text-primary underline-offset-4 hover:underline" href={messagesOf(customsCode, client, status)}>
        {format.number(value)}
      </Link>
    );
  return (
    <ListTable headers={columns.map((c) => t(`col.${c}`))} rowCount={props.recipients.length} emptyText={t("empty")}>
      {props.recipients.flatMap((recipient) =>
        recipient.clients.map((client, index) => (
          <TableRow key={client.clientId} data-testid={`recipient-${client.clientId}`}>
            {index === 0 && (
              <TableCell
                rowSpan={recipient.clients.length}
                className="align-top text-xs"
                data-testid={`recipient-enterprise-${recipient.customsCode}`}
              >
                <span className="block font-mono">{recipient.customsCode}</span>
                {recipient.enterpriseName}
              </TableCell>
            )}
            <TableCell className="text-xs">
              <span className="block font-mono">{client.clientId}</span>
              {client.clientName}
            </TableCell>
            <TableCell className="text-right" data-testid="delivered">
              {count(recipient.customsCode, client, "DELIVERED", client.delivered)}
            </TableCell>
            <TableCell className="text-right" data-testid="failed">
              {count(recipient.customsCode, client, "FAILED", client.failed)}
            </TableCell>
            <TableCell className="text-right" data-testid="pending">
              {count(recipient.customsCode, client, "PENDING", client.pending)}
            </TableCell>
            <TableCell className="font-mono text-xs" data-testid="last-delivered">
              {client.lastDeliveredAt ? formatShanghaiDateTime(client.lastDeliveredAt) : "-"}
            </TableCell>
          </TableRow>
        )),
      )}
    </ListTable>
  );
}
