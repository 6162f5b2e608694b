import { History } from "lucide-react";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { auditTargetHref, auditTrailHref, isAuditTargetType } from "@/lib/audit/targets";

// An audit entry's target: a link to its page, and beside it the target's trail (the log filtered by it) unless
// the log is showing that trail already. A refused action names the action, not a record: shown as text.
export async function AuditTarget({ type, id, inTrail }: { type: string | null; id: string | null; inTrail: boolean }) {
  const t = await getTranslations("audit");
  if (!type) return "-";
  const label = isAuditTargetType(type) ? t(`targetType.${type}`) : type;
  const href = auditTargetHref(type, id);
  // Records known by their number read as elsewhere in the portal (订阅记录 #12, 账册变更 #3).
  const text = !id ? label : type === "Subscription" || type === "ManualChange" ? `${label} #${id}` : `${label} ${id}`;
  return (
    <span className="flex items-center gap-1">
      {href ? (
        <Link className="text-primary underline-offset-4 hover:underline" href={href} data-testid="audit-target">
          {text}
        </Link>
      ) : (
        <span data-testid="audit-target">{text}</span>
      )}
      {id && isAuditTargetType(type) && !inTrail && (
        <Link href={auditTrailHref(type, id)} className="text-muted-foreground hover:text-primary" title={t("trail")} aria-label={t("trail")}>
          <History className="size-3.5" />
        </Link>
      )}
    </span>
  );
}
