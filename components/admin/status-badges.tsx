import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";

const subscriptionVariant = { ACTIVE: "success", CANCELLED: "secondary", EXPIRED: "outline" } as const;
const dispatchVariant = { PENDING: "warning", DELIVERED: "success", FAILED: "destructive" } as const;
const changeVariant = { PENDING: "warning", APPROVED: "success", REJECTED: "secondary" } as const;

export async function SubscriptionStatusBadge({ status }: { status: keyof typeof subscriptionVariant }) {
  const t = await getTranslations("adminReview");
  return <Badge variant={subscriptionVariant[status]}>{t(`status.${status}`)}</Badge>;
}

export async function DispatchStatusBadge({ status }: { status: keyof typeof dispatchVariant }) {
  const t = await getTranslations("adminReview");
  return (
    <Badge variant={dispatchVariant[status]} data-testid="dispatch-status">
      {t(`dispatchStatus.${status}`)}
    </Badge>
  );
}

export async function ChangeStatusBadge({ status }: { status: keyof typeof changeVariant }) {
  const t = await getTranslations("adminManuals");
  return (
    <Badge variant={changeVariant[status]} data-testid="change-status">
      {t(`changeStatus.${status}`)}
    </Badge>
  );
}
