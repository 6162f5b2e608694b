import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import type { ClientHealthRow } from "@/lib/review/client-health";
import { formatShanghaiDateTime } from "@/lib/time/shanghai";

type State = Pick<ClientHealthRow, "status" | "failingNow" | "pausedAt" | "nextProbeAt" | "failingSince">;

// A client's state now (lib/import-clients/failing-now.ts): 正常, 下发异常 since when, or 已暂停 with its pause and
// next probe; a recovered client's old pause time is not shown.
export async function ClientHealthState({ client }: { client: State }) {
  const t = await getTranslations("adminClients");
  const health = client.status === "PAUSED" ? "PAUSED" : client.failingNow ? "FAILING" : "HEALTHY";
  const variant = { PAUSED: "destructive", FAILING: "warning", HEALTHY: "success" } as const;
  return (
    <span className="grid gap-0.5 text-xs">
      <Badge variant={variant[health]} data-testid="client-health">
        {t(`health.${health}`)}
      </Badge>
      {client.failingSince && (
        <span className="whitespace-nowrap text-destructive">{t("failingSince", { since: formatShanghaiDateTime(client.failingSince) })}</span>
      )}
      {client.pausedAt && <span className="whitespace-nowrap font-mono">{t("pausedAt", { at: formatShanghaiDateTime(client.pausedAt) })}</span>}
      {client.nextProbeAt && (
        <span className="whitespace-nowrap font-mono text-muted-foreground">
          {t("nextProbeAt", { at: formatShanghaiDateTime(client.nextProbeAt) })}
        </span>
      )}
    </span>
  );
}
