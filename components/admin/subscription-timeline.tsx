import { getTranslations } from "next-intl/server";
import type { TimelineAct } from "@/lib/review/subscription-timeline";
import { formatShanghaiDateTime } from "@/lib/time/shanghai";
import { SignatureCheck } from "./signature-check";
import { SignedStatementText } from "./signed-statement-text";

// Every act on a subscription, oldest first (issue 18): when (Asia/Shanghai), what, who, with which card (法人卡 or
// 操作员卡 by the card's kind), the statement the signer read and whether the signature is valid today.
export async function SubscriptionTimeline({ acts }: { acts: TimelineAct[] }) {
  const t = await getTranslations("adminReview.timeline");
  const tAudit = await getTranslations("audit.action");
  const tKind = await getTranslations("adminReview.signature.kind");
  if (acts.length === 0) return <p className="text-sm text-muted-foreground">{t("empty")}</p>;
  return (
    <ol data-testid="subscription-timeline" className="grid gap-4 border-l pl-5">
      {acts.map((act) => (
        <li key={String(act.id)} data-testid={`timeline-${act.action}`} className="grid gap-2">
          <p className="flex flex-wrap items-baseline gap-x-3 gap-y-1 text-sm">
            <span className="font-mono text-xs text-muted-foreground">{formatShanghaiDateTime(act.at)}</span>
            <span className="font-medium">{tAudit.has(act.action) ? tAudit(act.action) : act.action}</span>
            {act.actorAccount ? (
              <span>{t("by", { name: act.actorName ?? "-", account: act.actorAccount })}</span>
            ) : (
              <span className="text-muted-foreground">{t("system")}</span>
            )}
            {act.card && (
              <span className="font-mono text-xs">
                {act.card.kind ? tKind(act.card.kind) : t("unknownCard")} {act.card.cardNo}
              </span>
            )}
          </p>
          {act.messageIds.length > 0 && <p className="font-mono text-xs break-all">{t("messages", { ids: act.messageIds.join(", ") })}</p>}
          {act.check && (
            <>
              <SignedStatementText statement={act.statement} />
              <SignatureCheck check={act.check} />
            </>
          )}
        </li>
      ))}
    </ol>
  );
}
