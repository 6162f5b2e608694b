import { ExpandableText } from "@/components/expandable-text";
import type { PresentedDetail } from "@/lib/audit/present-detail";

// 详情 of an audit entry in full: the refusal's reason first, then every field; long ones fold behind 展开.
export function AuditDetail({ detail }: { detail: PresentedDetail }) {
  if (!detail.refusal && detail.fields.length === 0) return "-";
  return (
    <ExpandableText lines={3}>
      <div className="grid gap-0.5 text-xs" data-testid="audit-detail">
        {detail.refusal && <span className="text-destructive">{detail.refusal}</span>}
        {detail.fields.map((field) => (
          <span key={field.key} className="break-all">
            {field.key && <span className="text-muted-foreground">{field.key}: </span>}
            <span className="font-mono">{field.value}</span>
          </span>
        ))}
      </div>
    </ExpandableText>
  );
}
