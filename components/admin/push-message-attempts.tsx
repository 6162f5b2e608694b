import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { TableCell, TableRow } from "@/components/ui/table";
import type { PushMessageReview } from "@/lib/review/push-message-detail";
import { formatShanghaiDateTime } from "@/lib/time/shanghai";
import { ListTable } from "@/components/list-table";
import { AttemptResult } from "@/components/pushes/attempt-result";
import { DeliveryError } from "@/components/pushes/delivery-error";

const columns = ["attemptNo", "startedAt", "result", "httpStatus", "duration", "error"] as const;

// Every recorded delivery attempt of a message, oldest first, so a failure explains itself.
export async function PushMessageAttempts({ attempts }: { attempts: PushMessageReview["attempts"] }) {
  const t = await getTranslations("adminMessage");
  return (
    <div data-testid="delivery-attempts">
      <ListTable headers={columns.map((c) => t(`attemptCol.${c}`))} rowCount={attempts.length} emptyText={t("noAttempts")}>
        {attempts.map((attempt) => (
          <TableRow key={`${attempt.attemptNo}-${attempt.startedAt.toISOString()}`} data-testid={`attempt-${attempt.attemptNo}`}>
            <TableCell className="whitespace-nowrap">
              {attempt.attemptNo}
              {attempt.isResend && <span className="ml-1 text-xs text-muted-foreground">{t("resend")}</span>}
            </TableCell>
            <TableCell className="whitespace-nowrap font-mono text-xs">{formatShanghaiDateTime(attempt.startedAt)}</TableCell>
            <TableCell>
              {attempt.kind === "POST" ? (
                <Badge variant={attempt.delivered ? "success" : "destructive"}>{t(attempt.delivered ? "delivered" : "failed")}</Badge>
              ) : (
                <AttemptResult kind={attempt.kind} delivered={attempt.delivered} />
              )}
            </TableCell>
            <TableCell className="font-mono text-xs">{attempt.httpStatus ?? "-"}</TableCell>
            <TableCell className="whitespace-nowrap text-right text-xs">{t("durationMs", { ms: attempt.durationMs })}</TableCell>
            <TableCell className="max-w-96">{attempt.error && <DeliveryError error={attempt.error} />}</TableCell>
          </TableRow>
        ))}
      </ListTable>
    </div>
  );
}
