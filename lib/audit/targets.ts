// What an audit entry acted on (AuditLog.targetType + targetId) and where an admin opens it: every target of
// the log is a link to its page, and each has its trail, the log filtered by that target (issue 18).
export const auditTargetTypes = ["Subscription", "PushMessage", "ImportClient", "Manual", "ManualChange", "Card", "User"] as const;
export type AuditTargetType = (typeof auditTargetTypes)[number];

export const isAuditTargetType = (value: string | null): value is AuditTargetType => auditTargetTypes.includes(value as AuditTargetType);

/** The page of a target; null for a type without one (a user) or for a target that is no record (a refused action's name). */
export function auditTargetHref(type: string | null, id: string | null): string | null {
  if (!id || !isAuditTargetType(type)) return null;
  const encoded = encodeURIComponent(id);
  switch (type) {
    case "Subscription":
      return `/admin/subscriptions/${encoded}`;
    case "PushMessage":
      return `/admin/push-messages/${encoded}`;
    case "ImportClient":
      return `/admin/import-clients?clientId=${encoded}`;
    case "Manual":
      return `/admin/manuals/${encoded}`;
    case "ManualChange":
      return `/admin/changes/${encoded}`;
    case "Card":
      return `/admin/cards?cardNo=${encoded}`;
    case "User":
      return null;
  }
}

/** The audit log of one target: every act on it, newest first. */
export const auditTrailHref = (type: AuditTargetType, id: string | number) =>
  `/admin/audit?${new URLSearchParams({ targetType: type, targetId: String(id) }).toString()}`;
