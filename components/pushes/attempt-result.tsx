// The result of one delivery attempt: a POST's 下发成功 / 下发失败, or what a pull-mode attempt was (pulled and
// leased, acknowledged, or its lease expired unacknowledged: lib/pull).
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";

type AttemptKind = "POST" | "PULL" | "ACK" | "LEASE_EXPIRY";

const variants = { PULL: "secondary", ACK: "success", LEASE_EXPIRY: "destructive" } as const;

export function AttemptResult({ kind, delivered }: { kind: AttemptKind; delivered: boolean }) {
  const t = useTranslations("pushes");
  if (kind === "POST")
    return <Badge variant={delivered ? "success" : "destructive"}>{t(`dispatchStatus.${delivered ? "DELIVERED" : "FAILED"}`)}</Badge>;
  return (
    <Badge variant={variants[kind]} data-kind={kind}>
      {t(`attemptKind.${kind}`)}
    </Badge>
  );
}
