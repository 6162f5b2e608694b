// While a client is paused the platform probes it on its own schedule (lib/pushes/probe-schedule.ts; the client-probe job
// looks every minute for clients due): it delivers the client's oldest waiting data message, so that the order
// is kept, or, when none waits, a test message. The attempt is recorded like any other, and a failed probe
// leaves the message waiting with its retries untouched. When the client answers 2xx it is resumed
// (CLIENT_AUTO_RESUME) and every waiting message follows in order, as after 恢复 (resume.ts).
import { randomUUID } from "node:crypto";
import { writeAudit } from "@/lib/audit/log";
import type { Db } from "@/lib/db/client";
import { deliverPushMessage } from "@/lib/pushes/deliver";
import { DELIVERY_FALLBACK_SECONDS } from "@/lib/pushes/deliver-inline";
import { nextMessageIds } from "@/lib/pushes/message-id";
import { storePushMessages } from "@/lib/pushes/store-messages";
import { buildTestMessageXml } from "@/lib/pushes/xml";
import { nextProbeAt } from "@/lib/pushes/probe-schedule";
import { reactivateClient } from "./resume";

// One run's probes go out side by side: an unreachable client may take the whole delivery timeout.
const PROBES_PER_RUN = 50;

type ProbeResult = "NOT_DUE" | "STILL_FAILING" | "RESUMED";
interface DueClient {
  id: number;
  clientId: string;
  enterpriseId: number;
  pausedAt: Date | null;
}

export async function probePausedClients(options: { db: Db; now?: Date }): Promise<{ probed: number; resumed: number }> {
  const { db } = options;
  const now = options.now ?? new Date();
  const due = await db.importClient.findMany({
    where: { status: "PAUSED", nextProbeAt: { lte: now } },
    orderBy: { nextProbeAt: "asc" },
    take: PROBES_PER_RUN,
    select: { id: true, clientId: true, enterpriseId: true, pausedAt: true },
  });
  const results = await Promise.allSettled(due.map((client) => probeClient({ db, client, now })));
  const failure = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failure) throw failure.reason;
  const done = results.map((r) => (r as PromiseFulfilledResult<ProbeResult>).value);
  return { probed: done.filter((r) => r !== "NOT_DUE").length, resumed: done.filter((r) => r === "RESUMED").length };
}

async function probeClient(options: { db: Db; client: DueClient; now: Date }): Promise<ProbeResult> {
  const { db, client, now } = options;
  // Claimed by moving its next probe on: a run that overlaps a slow one does not probe the client twice.
  const claimed = await db.importClient.updateMany({
    where: { id: client.id, status: "PAUSED", nextProbeAt: { lte: now } },
    data: { nextProbeAt: nextProbeAt({ pausedAt: client.pausedAt, now }) },
  });
  if (claimed.count === 0) return "NOT_DUE";

  const message = (await oldestWaiting({ db, importClientId: client.id })) ?? (await storeProbeMessage({ db, client, now }));
  const outcome = await deliverPushMessage({
    db,
    pushMessageId: message.id,
    resend: message.resent,
    afterAttempt: message.attemptCount,
    probe: true,
  });
  if (outcome !== "DELIVERED") return "STILL_FAILING";
  return db.$transaction(async (tx) => {
    const resumed = await reactivateClient({ tx, importClientId: client.id });
    if (!resumed) return "STILL_FAILING"; // resumed by 恢复 meanwhile
    await writeAudit(tx, {
      action: "CLIENT_AUTO_RESUME",
      enterpriseId: client.enterpriseId,
      targetType: "ImportClient",
      targetId: client.clientId,
      detail: { probeMessageId: message.messageId, waiting: resumed.waiting },
    });
    return "RESUMED";
  });
}

/** The order deliver-waiting.ts delivers in. */
function oldestWaiting(options: { db: Db; importClientId: number }) {
  return options.db.pushMessage.findFirst({
    where: { importClientId: options.importClientId, dispatchStatus: "PENDING", type: { not: "TEST" } },
    orderBy: [{ dispatchedAt: "asc" }, { id: "asc" }],
    select: { id: true, messageId: true, attemptCount: true, resent: true },
  });
}

/** A test message (no manual data), when no data message waits: the lightest request a client answers 2xx to. */
async function storeProbeMessage(options: { db: Db; client: DueClient; now: Date }) {
  const { db, client, now } = options;
  return db.$transaction(async (tx) => {
    const { customsCode } = await tx.enterprise.findUniqueOrThrow({ where: { id: client.enterpriseId }, select: { customsCode: true } });
    const [messageId] = await nextMessageIds({ db: tx, count: 1, at: now });
    const head = { messageId, type: "TEST" as const, emsNo: null, subscriptionId: null, partNo: 1, partCount: 1, createdAt: now };
    const [id] = await storePushMessages({
      tx,
      // Its delivery job only stands in should this worker stop before the probe is made (as in deliver-inline.ts).
      deliveryJobsAfterSeconds: DELIVERY_FALLBACK_SECONDS,
      messages: [
        {
          messageId,
          dedupeKey: `probe:${randomUUID()}`,
          enterpriseId: client.enterpriseId,
          subscriptionId: null,
          importClientId: client.id,
          emsNo: null,
          type: "TEST",
          partNo: 1,
          partCount: 1,
          rowCount: 0,
          body: buildTestMessageXml({ head, clientId: client.clientId, customsCode }),
        },
      ],
    });
    return { id, messageId, attemptCount: 0, resent: false };
  });
}
