// A failing client is paused: when its last CLIENT_PAUSE_AFTER_FAILURES delivery attempts all failed within
// CLIENT_PAUSE_WINDOW_HOURS (default 100 within 24 h), counting only attempts since it was last resumed. Its data
// messages then wait as 待下发 instead of using up their retries (lib/pushes/deliver.ts) until the enterprise
// resumes it. Called in the transaction that records a failed attempt.
import { writeAudit } from "@/lib/audit/log";
import { config } from "@/lib/config/env";
import type { Prisma } from "@/lib/db/client";

export interface ClientPauseRule {
  /** 0: never pause. */
  failures: number;
  windowHours: number;
}

export function clientPauseRule(): ClientPauseRule {
  const { CLIENT_PAUSE_AFTER_FAILURES: failures, CLIENT_PAUSE_WINDOW_HOURS: windowHours } = config();
  return { failures, windowHours };
}

export async function pauseClientIfFailing(options: {
  tx: Prisma.TransactionClient;
  importClientId: number;
  now?: Date;
  rule?: ClientPauseRule;
}): Promise<boolean> {
  const { tx, importClientId } = options;
  const rule = options.rule ?? clientPauseRule();
  if (rule.failures === 0) return false;
  const now = options.now ?? new Date();
  const client = await tx.importClient.findUnique({ where: { id: importClientId }, select: { status: true, resumedAt: true } });
  if (client?.status !== "ACTIVE") return false;

  const windowStart = new Date(now.getTime() - rule.windowHours * 3_600_000);
  const since = client.resumedAt && client.resumedAt > windowStart ? client.resumedAt : windowStart;
  const recent = await tx.deliveryAttempt.findMany({
    where: { importClientId, startedAt: { gte: since } },
    orderBy: { startedAt: "desc" },
    take: rule.failures,
    select: { delivered: true },
  });
  if (recent.length < rule.failures || recent.some((attempt) => attempt.delivered)) return false;

  // Conditional: of concurrent failures only one pauses and audits.
  const [paused] = await tx.importClient.updateManyAndReturn({
    where: { id: importClientId, status: "ACTIVE" },
    data: { status: "PAUSED", pausedAt: now },
    select: { clientId: true, enterpriseId: true },
  });
  if (!paused) return false;
  await writeAudit(tx, {
    action: "CLIENT_PAUSE", enterpriseId: paused.enterpriseId, targetType: "ImportClient", targetId: paused.clientId,
    detail: { consecutiveFailures: rule.failures, windowHours: rule.windowHours },
  });
  return true;
}
