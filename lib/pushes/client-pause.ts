// A failing client is paused once it has failed continuously for CLIENT_PAUSE_AFTER_HOURS (default 24): its first
// failed data attempt since its last success (or resume, or registration), kept as failingSince, is that old and no
// data message has been delivered since (a success clears failingSince, lib/pushes/deliver.ts). Time, not a count:
// the retries of many messages made a hundred failures within seconds of a short outage. Its data messages then
// wait as 待下发 (lib/pushes/deliver.ts) and the platform probes it (probe.ts) until it answers again. Test messages
// never count. Called in the transaction that records a failed attempt.
import { writeAudit } from "@/lib/audit/log";
import { config } from "@/lib/config/env";
import type { Prisma } from "@/lib/db/client";
import { nextProbeAt } from "./probe-schedule";

/** Hours of continuous failure before a pause; 0: never pause. */
export function clientPauseAfterHours(): number {
  return config().CLIENT_PAUSE_AFTER_HOURS;
}

/**
 * `failingSince` as the caller read it with the message: on the hot path of an outage (already failing, not yet
 * due) this writes nothing; the conditions are checked again in the updates.
 */
export async function noteClientFailure(options: {
  tx: Prisma.TransactionClient;
  importClientId: number;
  failingSince: Date | null;
  failedAt: Date;
  now?: Date;
  pauseAfterHours?: number;
}): Promise<boolean> {
  const { tx, importClientId, failedAt } = options;
  const now = options.now ?? new Date();
  const pauseAfterHours = options.pauseAfterHours ?? clientPauseAfterHours();
  let failingSince = options.failingSince;
  if (!failingSince) {
    // Conditional: of concurrent first failures the first one written stays.
    await tx.importClient.updateMany({ where: { id: importClientId, failingSince: null }, data: { failingSince: failedAt } });
    failingSince = failedAt;
  }
  if (pauseAfterHours === 0 || now.getTime() - failingSince.getTime() < pauseAfterHours * 3_600_000) return false;

  // Conditional: of concurrent failures only one pauses and audits, and a success meanwhile (failingSince cleared
  // or later) prevents it.
  const [paused] = await tx.importClient.updateManyAndReturn({
    where: { id: importClientId, status: "ACTIVE", failingSince: { lte: new Date(now.getTime() - pauseAfterHours * 3_600_000) } },
    data: { status: "PAUSED", pausedAt: now, nextProbeAt: nextProbeAt({ pausedAt: now, now }) },
    select: { clientId: true, enterpriseId: true, failingSince: true },
  });
  if (!paused) return false;
  await writeAudit(tx, {
    action: "CLIENT_PAUSE",
    enterpriseId: paused.enterpriseId,
    targetType: "ImportClient",
    targetId: paused.clientId,
    detail: { failingSince: paused.failingSince!.toISOString(), pauseAfterHours },
  });
  return true;
}
